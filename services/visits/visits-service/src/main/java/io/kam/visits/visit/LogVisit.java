package io.kam.visits.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.VisitSettings;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.CommitmentStatus;
import io.kam.visits.api.FollowUp;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitCompleted;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.commitment.Amount;
import io.kam.visits.commitment.AmountGuard;
import io.kam.visits.commitment.Commitment;
import io.kam.visits.commitment.CommitmentLimits;
import io.kam.visits.commitment.CommitmentPolicies;
import io.kam.visits.commitment.CommitmentPolicy;
import io.kam.visits.commitment.CommitmentRepository;

/**
 * Logs a visit: checks the log's content, completes the visit (late, with a reason, after the log window), puts every
 * commitment through the guard (one with an amount against the limits in force on the visit's planned day, one without
 * against the account's policy), and plans the next appointment agreed. All of it, or nothing.
 */
@Service
public class LogVisit {

    private final VisitRepository visits;
    private final VisitRows.Logs logs;
    private final VisitRows.FollowUps followUps;
    private final CommitmentRepository commitments;
    private final CommitmentPolicies policies;
    private final CommitmentLimits limits;
    private final VisitAccess access;
    private final Outbox outbox;
    private final VisitSettings settings;
    private final MarketCalendar calendar;

    LogVisit(VisitRepository visits, VisitRows.Logs logs, VisitRows.FollowUps followUps, CommitmentRepository commitments,
             CommitmentPolicies policies, CommitmentLimits limits, VisitAccess access, Outbox outbox,
             VisitSettings settings, MarketCalendar calendar) {
        this.visits = visits;
        this.logs = logs;
        this.followUps = followUps;
        this.commitments = commitments;
        this.policies = policies;
        this.limits = limits;
        this.access = access;
        this.outbox = outbox;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Transactional
    public Visit log(UUID id, long expectedVersion, VisitRequests.LogVisit request, Actor actor) {
        Instant now = calendar.now();
        LocalDate today = calendar.today();
        var problems = LogContent.problems(request, today);
        if (!problems.isEmpty()) {
            throw new Rejection.Invalid(problems).refused();
        }
        Visit current = visits.findByIdForUpdate(id).orElseThrow(() -> new Rejection.NotFound("Visit", id).refused());
        access.requireVisible(actor, current.region(), "Visit", id);
        ExpectedVersion.require(expectedVersion, current.version());
        Visit completed = current.complete(request.lateReason(), today, now);

        List<VisitEvent> events = new ArrayList<>();
        Visit.Planned next = request.nextAppointment() == null ? null : Visit.adHoc(current.accountId(),
                current.storeId(), current.region(), current.coordinator(), current.type().next(),
                current.type().next().defaultPurpose(), request.nextAppointment().date(),
                request.nextAppointment().slot(), id, today, settings.logWindow(), now);
        List<Commitment.Judged> judged = judge(current, request, actor, now);
        List<FollowUp> tasks = request.followUps() == null ? List.of() : request.followUps();

        Visit saved = visits.update(completed);
        VisitLog log = logs.save(VisitLog.of(id, actor.name(), now, completed.late(), request.lateReason(), request.discussed(),
                request.wentTo(), request.outcome(), request.outcomeNote(), next == null ? null : next.visit().id()));
        for (int i = 0; i < tasks.size(); i++) {
            FollowUp task = tasks.get(i);
            followUps.save(new FollowUpRow(UUID.randomUUID(), id, i, task.task().strip(), task.owner().strip(), task.due()));
        }
        judged.forEach(j -> commitments.save(j.commitment()));
        if (next != null) {
            visits.save(next.visit());
        }

        events.add(new VisitCompleted(saved.accountId(), id, saved.storeId(), saved.region(), saved.coordinator(),
                actor.name(), saved.type(), saved.plannedDate(), now, saved.late(), log.lateReason(), log.discussed(),
                log.wentTo(), log.outcome(), log.outcomeNote(), tasks, count(judged, CommitmentStatus.RECORDED),
                count(judged, CommitmentStatus.FLAGGED), next == null ? null : next.visit().id()));
        judged.forEach(j -> events.add(j.event()));
        if (next != null) {
            events.add(next.event());
        }
        outbox.appendAll(VisitEvents.CATALOG, events, actor.name());
        return saved;
    }

    private List<Commitment.Judged> judge(Visit visit, VisitRequests.LogVisit request, Actor actor, Instant now) {
        if (request.commitments() == null || request.commitments().isEmpty()) {
            return List.of();
        }
        CommitmentPolicy policy = policies.of(visit.accountId());
        LocalDate day = visit.plannedDate();
        CommitmentLimits.InForce inForce = request.commitments().stream().anyMatch(c -> Amount.of(c) != null)
                ? limits.on(visit.accountId(), visit.storeId(), day) : null;
        return request.commitments().stream().map(c -> {
            Amount asked = Amount.of(c);
            if (asked == null || inForce == null) {
                return Commitment.make(visit.id(), visit.accountId(), visit.storeId(), visit.region(), c.type(),
                        c.description(), policy, actor.name(), now);
            }
            var answer = AmountGuard.judge(c.type(), asked, inForce.agreement(), inForce.promotions(), day);
            return Commitment.make(visit.id(), visit.accountId(), visit.storeId(), visit.region(), c.type(),
                    c.description(), asked, answer, policy, actor.name(), now);
        }).toList();
    }

    private static int count(List<Commitment.Judged> judged, CommitmentStatus status) {
        return (int) judged.stream().filter(j -> j.commitment().status() == status).count();
    }
}
