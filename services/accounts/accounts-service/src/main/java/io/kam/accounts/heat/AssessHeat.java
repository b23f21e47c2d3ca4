package io.kam.accounts.heat;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.RelationshipRequests;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** Assesses an account's purchase heat (购买热度), keeping every earlier assessment. */
@Service
class AssessHeat {

    private final AccountLocks locks;
    private final HeatAssessmentRepository assessments;
    private final Outbox outbox;
    private final Clock clock;

    AssessHeat(AccountLocks locks, HeatAssessmentRepository assessments, Outbox outbox, Clock clock) {
        this.locks = locks;
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    HeatHistory.Assessed assess(UUID accountId, RelationshipRequests.AssessHeat request, Actor actor) {
        locks.lock(accountId);
        var history = new HeatHistory(accountId, assessments.historyOf(accountId));
        var assessed = history.assess(request.factors(), actor.name(), clock.instant());
        assessments.save(assessed.assessment());
        outbox.append(AccountEvents.CATALOG, assessed.event(), actor.name());
        return assessed;
    }
}
