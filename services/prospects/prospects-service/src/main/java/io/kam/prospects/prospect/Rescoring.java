package io.kam.prospects.prospect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectEvents.ScoreCause;
import io.kam.prospects.api.ProspectRequests;
import io.kam.prospects.screening.CriteriaStore;
import io.kam.prospects.screening.ScreeningCriteria;

/**
 * Defines a territory's screening criteria and scores every open prospect of the region against them, in one
 * transaction: the new version, the new scores (the old ones stay in each prospect's history) and their events.
 */
@Service
public class Rescoring {

    private final CriteriaStore criteria;
    private final ProspectRepository prospects;
    private final ScoreBook scores;
    private final Outbox outbox;
    private final Clock clock;

    Rescoring(CriteriaStore criteria, ProspectRepository prospects, ScoreBook scores, Outbox outbox, Clock clock) {
        this.criteria = criteria;
        this.prospects = prospects;
        this.scores = scores;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the new version and how many prospects were scored again. */
    @Transactional
    public Defined define(Region region, ProspectRequests.CriteriaInput input, Actor actor) {
        Instant now = clock.instant();
        ScreeningCriteria defined = ScreeningCriteria.define(region, criteria.nextVersion(region), input, actor, now);
        criteria.save(defined);
        List<ProspectEvent> events = new ArrayList<>();
        events.add(defined.defined());
        List<Prospect> open = prospects.findOpenInRegionForUpdate(region.name());
        for (Prospect prospect : open) {
            ScreeningCriteria.Score score = defined.score(scores.ratings(prospect.id()), prospect.competitorLoyalty());
            events.add(scores.record(prospect, defined, score, ScoreCause.CRITERIA_CHANGED, now));
            prospects.update(prospect.scored(defined, score, now));
        }
        outbox.appendAll(ProspectEvents.CATALOG, events, actor.name());
        return new Defined(defined, open.size());
    }

    public record Defined(ScreeningCriteria criteria, int rescored) {
    }
}
