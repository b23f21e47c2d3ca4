package io.kam.prospects.prospect;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.prospects.account.KnownAccounts;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectEvents.ScoreCause;
import io.kam.prospects.api.ProspectRequests;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import io.kam.prospects.screening.CriteriaStore;
import io.kam.prospects.screening.ScreeningCriteria;

/**
 * The use cases of the pipeline. Each locks the prospect, checks the caller's version, lets {@link Prospect} decide,
 * saves, and appends the event to the outbox in the same transaction.
 */
@Service
public class Prospecting {

    private final ProspectRepository prospects;
    private final ScoreBook scores;
    private final CriteriaStore criteria;
    private final KnownAccounts accounts;
    private final Outbox outbox;
    private final Clock clock;

    Prospecting(ProspectRepository prospects, ScoreBook scores, CriteriaStore criteria, KnownAccounts accounts,
                Outbox outbox, Clock clock) {
        this.prospects = prospects;
        this.scores = scores;
        this.criteria = criteria;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Prospect identify(ProspectRequests.ProspectInput input, Actor actor) {
        ProspectDetails details = details(input, actor);
        requireKnownReferrer(details);
        var identified = Prospect.identify(UUID.randomUUID(), details, actor, clock.instant());
        requireNoDuplicate(identified.prospect());
        Prospect saved = prospects.save(identified.prospect());
        outbox.append(ProspectEvents.CATALOG, identified.event(), actor.name());
        return saved;
    }

    @Transactional
    public Prospect revise(UUID id, long expectedVersion, ProspectRequests.ProspectInput input, Actor actor) {
        Prospect current = load(id, expectedVersion);
        if (input.region() != current.region()) {
            throw new Rejection.Invalid("region", "a prospect stays in the territory it was found in (" + current.region()
                    + "); drop it and identify it in the other region").refused();
        }
        ProspectDetails details = details(input, actor);
        requireKnownReferrer(details);
        var revised = current.revise(details, actor, clock.instant());
        if (revised.event() == null) {
            return current;
        }
        requireNoDuplicate(revised.prospect());
        Prospect saved = save(revised.prospect(), revised.event(), actor);
        if (saved.criteriaVersion() != null && saved.competitorLoyalty() != current.competitorLoyalty()) {
            return rescore(saved, ScoreCause.DETAILS_CHANGED, actor);
        }
        return saved;
    }

    /** Scores the prospect again against its territory's criteria in force, for the given cause. */
    private Prospect rescore(Prospect prospect, ScoreCause cause, Actor actor) {
        ScreeningCriteria territory = criteriaOf(prospect.region());
        Instant now = clock.instant();
        ScreeningCriteria.Score score = territory.score(scores.ratings(prospect.id()), prospect.competitorLoyalty());
        var event = scores.record(prospect, territory, score, cause, now);
        return save(prospect.scored(territory, score, now), event, actor);
    }

    /** Rates criteria of the prospect's territory and scores it again. */
    @Transactional
    public Prospect rate(UUID id, long expectedVersion, Map<String, Integer> ratings, Actor actor) {
        Prospect current = load(id, expectedVersion);
        if (current.stage().isClosed()) {
            throw new Rejection.Conflict("prospect-closed", "the prospect is " + current.stage() + "; its score is final").refused();
        }
        ScreeningCriteria territory = criteriaOf(current.region());
        territory.requireOnScale(ratings);
        Instant now = clock.instant();
        scores.rate(id, ratings, actor, now);
        ScreeningCriteria.Score score = territory.score(scores.ratings(id), current.competitorLoyalty());
        var event = scores.record(current, territory, score, ScoreCause.RATED, now);
        return save(current.scored(territory, score, now), event, actor);
    }

    @Transactional
    public Prospect move(UUID id, long expectedVersion, ProspectStage to, Actor actor) {
        Prospect current = load(id, expectedVersion);
        boolean fullyRated = criteria.current(current.region())
                .map(territory -> territory.allRated(scores.ratings(id)) && current.criteriaVersion() != null)
                .orElse(false);
        var moved = current.moveTo(to, fullyRated, actor, clock.instant());
        return save(moved.prospect(), moved.event(), actor);
    }

    @Transactional
    public Prospect planNextAction(UUID id, long expectedVersion, ProspectRequests.NextAction request, Actor actor) {
        Prospect current = load(id, expectedVersion);
        var planned = current.planNextAction(request.action(), request.due(), actor, clock.instant());
        return save(planned.prospect(), planned.event(), actor);
    }

    @Transactional
    public Prospect drop(UUID id, long expectedVersion, ProspectRequests.Drop request, Actor actor) {
        Prospect current = load(id, expectedVersion);
        var dropped = current.drop(request.reason(), request.note(), actor, clock.instant());
        return save(dropped.prospect(), dropped.event(), actor);
    }

    /**
     * Converts the prospect; the accounts service opens the account from the event. A company that already is an
     * account is not converted a second time.
     */
    @Transactional
    public Prospect convert(UUID id, long expectedVersion, ProspectRequests.Convert request, Actor actor) {
        Prospect current = load(id, expectedVersion);
        var converted = current.convert(request == null ? null : request.overrideReason(), actor, clock.instant());
        accounts.named(current.companyName()).ifPresent(existing -> {
            throw new Rejection.Conflict("account-exists", "an account named " + current.companyName()
                    + " exists already: /api/accounts/" + existing + "; drop this prospect as DUPLICATE").refused();
        });
        return save(converted.prospect(), converted.event(), actor);
    }

    private Prospect load(UUID id, long expectedVersion) {
        Prospect current = prospects.findByIdForUpdate(id).orElseThrow(() -> new Rejection.NotFound("Prospect", id).refused());
        ExpectedVersion.require(expectedVersion, current.version());
        return current;
    }

    private Prospect save(Prospect changed, ProspectEvent event, Actor actor) {
        Prospect saved = prospects.update(changed);
        outbox.append(ProspectEvents.CATALOG, event, actor.name());
        return saved;
    }

    private ScreeningCriteria criteriaOf(Region region) {
        return criteria.current(region).orElseThrow(() -> new Rejection.BrokenRule("no-screening-criteria",
                "no screening criteria are defined for " + region + " yet; a national KA manager defines them").refused());
    }

    private void requireNoDuplicate(Prospect candidate) {
        prospects.findDuplicate(candidate.nameKey(), candidate.cityKey(), candidate.taxId(), candidate.id())
                .ifPresent(existing -> {
                    String hint = existing.stage() == ProspectStage.DROPPED
                            ? "; take it up again with PUT /api/prospects/" + existing.id() + "/stage {\"stage\":\"IDENTIFIED\"}"
                            : "";
                    throw new Rejection.Conflict("duplicate-prospect", "this company is prospect " + existing.id()
                            + " already (" + existing.companyName() + ", " + existing.city() + ", " + existing.stage()
                            + "): /api/prospects/" + existing.id() + hint,
                            Map.of("existing", "/api/prospects/" + existing.id())).refused();
                });
    }

    private void requireKnownReferrer(ProspectDetails details) {
        if (details.source() == ProspectSource.REFERRAL && details.referringAccountId() == null) {
            throw new Rejection.Invalid("referringAccountId", "is required for a REFERRAL: the account that referred it").refused();
        }
        if (details.source() != ProspectSource.REFERRAL && details.referringAccountId() != null) {
            throw new Rejection.Invalid("referringAccountId", "is only for a REFERRAL").refused();
        }
        if (details.referringAccountId() != null && !accounts.exists(details.referringAccountId())) {
            throw new Rejection.Invalid("referringAccountId", "is not a known account").refused();
        }
    }

    private static ProspectDetails details(ProspectRequests.ProspectInput input, Actor actor) {
        ProspectRequests.Profile p = input.profile();
        return new ProspectDetails(input.companyName().strip(), input.channel(), input.address(), input.region(),
                input.taxId(), input.source(), input.referringAccountId(),
                input.competitor() == null || input.competitor().isBlank() ? null : input.competitor().strip(),
                input.competitorLoyalty(),
                input.owner() == null || input.owner().isBlank() ? actor.name() : input.owner().strip(),
                p == null ? null : new ProspectEvents.CorporateProfile(p.operations(), p.marketSituation(),
                        p.estimatedAnnualVolume(), p.financialStatus(), p.creditStanding(),
                        p.organisationAndPurchasing(), p.pastDealings(), p.developmentAssessment()));
    }
}
