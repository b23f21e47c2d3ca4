package io.kam.visits.commitment;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.api.CommitmentEvents.CommitmentPolicyChanged;
import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.replica.AccountReplicas;

/** National KA managers set accounts' commitment policies and decide on flagged commitments. */
@Service
public class CommitmentBook {

    private final CommitmentRepository commitments;
    private final CommitmentPolicies policies;
    private final AccountReplicas accounts;
    private final Outbox outbox;
    private final Clock clock;

    CommitmentBook(CommitmentRepository commitments, CommitmentPolicies policies, AccountReplicas accounts,
                   Outbox outbox, Clock clock) {
        this.commitments = commitments;
        this.policies = policies;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Replaces the account's policy. The first one is set with {@code If-Match: *}; later ones need the current
     * version (or {@code *}). Setting the same types again changes nothing and tells nobody.
     */
    @Transactional
    public CommitmentPolicy setPolicy(UUID accountId, long expectedVersion, List<CommitmentType> allowed, Actor actor) {
        if (!accounts.existsById(accountId)) {
            throw new Rejection.NotFound("Account", accountId).refused();
        }
        var current = policies.findByIdForUpdate(accountId);
        if (current.isEmpty() && expectedVersion != ExpectedVersion.ANY) {
            throw new Rejection.Conflict("policy-not-set", "account " + accountId + " has no commitment policy yet, "
                    + "so it has no version " + expectedVersion + "; set the first one with If-Match: *").refused();
        }
        current.ifPresent(policy -> ExpectedVersion.require(expectedVersion, policy.version()));
        EnumSet<CommitmentType> types = allowed.isEmpty() ? EnumSet.noneOf(CommitmentType.class) : EnumSet.copyOf(allowed);
        List<CommitmentType> previous = current.map(CommitmentPolicy::types).orElse(List.of());
        if (current.isPresent() && previous.equals(List.copyOf(types))) {
            return current.get();
        }
        CommitmentPolicy changed = CommitmentPolicy.of(accountId, types, current.map(CommitmentPolicy::version).orElse(null));
        CommitmentPolicy saved = current.isPresent() ? policies.update(changed) : policies.save(changed);
        outbox.append(VisitEvents.CATALOG, new CommitmentPolicyChanged(accountId, saved.types(), previous), actor.name());
        return saved;
    }

    @Transactional
    public Commitment approve(UUID id, long expectedVersion, VisitRequests.ApproveCommitment request, Actor actor) {
        Commitment current = locked(id, expectedVersion);
        return save(current.approve(request.note(), actor, clock.instant()), actor);
    }

    @Transactional
    public Commitment reject(UUID id, long expectedVersion, VisitRequests.RejectCommitment request, Actor actor) {
        Commitment current = locked(id, expectedVersion);
        return save(current.reject(request.reason(), actor, clock.instant()), actor);
    }

    private Commitment locked(UUID id, long expectedVersion) {
        Commitment current = commitments.findByIdForUpdate(id).orElseThrow(() -> new Rejection.NotFound("Commitment", id).refused());
        ExpectedVersion.require(expectedVersion, current.version());
        return current;
    }

    private Commitment save(Commitment.Judged judged, Actor actor) {
        Commitment saved = commitments.update(judged.commitment());
        outbox.append(VisitEvents.CATALOG, judged.event(), actor.name());
        return saved;
    }
}
