package io.kam.visits.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.visits.api.CommitmentEvents.CommitmentApproved;
import io.kam.visits.api.CommitmentEvents.CommitmentFlagged;
import io.kam.visits.api.CommitmentEvents.CommitmentRecorded;
import io.kam.visits.api.CommitmentEvents.CommitmentRejected;
import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.api.CommitmentStatus;
import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.LimitExceeded;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitViews.CommitmentView;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A commitment made to a customer at a visit. The guard: made within the account's policy, it is recorded as a
 * promise; outside it, flagged, and no promise until a national KA manager other than the one who made it approves
 * it (不可做出任何政策外的承诺). A commitment with an amount is within the policy when it stays within a limit in
 * force ({@link AmountGuard}): the limit that allowed it ({@code allowedBy}) or the one it exceeded ({@code exceeded})
 * is kept with it, as JSON.
 */
@MappedEntity("commitment")
public record Commitment(@Id UUID id, UUID visitId, UUID accountId, @Nullable UUID storeId, Region region,
                         CommitmentType type, String description, CommitmentStatus status, String madeBy,
                         Instant madeAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                         @Nullable String decisionNote, @Nullable BigDecimal discountPercent,
                         @Nullable BigDecimal amount, @Nullable Long units, @Nullable String allowedBy,
                         @Nullable String exceeded, @Nullable @Version Long version) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A decision: the commitment's new state and the event it caused. */
    public record Judged(Commitment commitment, VisitEvent event) {
    }

    /** The guard of a commitment without an amount: checks its type against the account's policy. */
    public static Judged make(UUID visitId, UUID accountId, @Nullable UUID storeId, Region region, CommitmentType type,
                              String description, CommitmentPolicy policy, String madeBy, Instant now) {
        UUID id = UUID.randomUUID();
        String text = description.strip();
        if (policy.allows(type)) {
            return new Judged(new Commitment(id, visitId, accountId, storeId, region, type, text,
                    CommitmentStatus.RECORDED, madeBy, now, null, null, null, null, null, null, null, null, null),
                    new CommitmentRecorded(accountId, id, visitId, storeId, region, type, text, madeBy));
        }
        return new Judged(new Commitment(id, visitId, accountId, storeId, region, type, text, CommitmentStatus.FLAGGED,
                madeBy, now, null, null, null, null, null, null, null, null, null),
                new CommitmentFlagged(accountId, id, visitId, storeId, region, type, text, madeBy, policy.types()));
    }

    /**
     * A commitment with an amount, as the {@link AmountGuard} answered: within a limit in force it is recorded as a
     * promise naming that limit; otherwise it is flagged, held for a national KA manager, with the limit it exceeded.
     * The policy's types do not decide it; they are named on a flagged one as ever.
     */
    public static Judged make(UUID visitId, UUID accountId, @Nullable UUID storeId, Region region, CommitmentType type,
                              String description, Amount asked, AmountGuard.Answer answer, CommitmentPolicy policy,
                              String madeBy, Instant now) {
        UUID id = UUID.randomUUID();
        String text = description.strip();
        return switch (answer) {
            case AmountGuard.Answer.Allowed allowed -> new Judged(new Commitment(id, visitId, accountId, storeId,
                    region, type, text, CommitmentStatus.RECORDED, madeBy, now, null, null, null, asked.percent(),
                    asked.yuan(), asked.units(), JSON.writeValueAsString(allowed.by()), null, null),
                    new CommitmentRecorded(accountId, id, visitId, storeId, region, type, text, madeBy,
                            asked.percent(), asked.yuan(), asked.units(), allowed.by()));
            case AmountGuard.Answer.Held held -> new Judged(new Commitment(id, visitId, accountId, storeId, region,
                    type, text, CommitmentStatus.FLAGGED, madeBy, now, null, null, null, asked.percent(), asked.yuan(),
                    asked.units(), null, JSON.writeValueAsString(held.exceeded()), null),
                    new CommitmentFlagged(accountId, id, visitId, storeId, region, type, text, madeBy, policy.types(),
                            asked.percent(), asked.yuan(), asked.units(), held.exceeded()));
        };
    }

    /** A national KA manager, not the one who made it, approves the flagged commitment: it becomes a promise. */
    public Judged approve(@Nullable String note, Actor actor, Instant now) {
        requireDecidable(actor);
        String clean = note == null || note.isBlank() ? null : note.strip();
        return new Judged(decided(CommitmentStatus.APPROVED, actor, clean, now),
                new CommitmentApproved(accountId, id, visitId, storeId, region, type, actor.name(), clean));
    }

    /** A national KA manager, not the one who made it, rejects the flagged commitment: it is no promise. */
    public Judged reject(String reason, Actor actor, Instant now) {
        requireDecidable(actor);
        return new Judged(decided(CommitmentStatus.REJECTED, actor, reason.strip(), now),
                new CommitmentRejected(accountId, id, visitId, storeId, region, type, actor.name(), reason.strip()));
    }

    public CommitmentView view() {
        return new CommitmentView(id, visitId, accountId, storeId, region, type, description, status, status.isPromise(),
                madeBy, madeAt, decidedBy, decidedAt, decisionNote, version == null ? 0 : version, discountPercent,
                amount, units, allowedBy == null ? null : JSON.readValue(allowedBy, CommitmentLimit.class),
                exceeded == null ? null : JSON.readValue(exceeded, LimitExceeded.class));
    }

    private void requireDecidable(Actor actor) {
        if (status != CommitmentStatus.FLAGGED) {
            throw new Rejection.Conflict("commitment-not-flagged", "commitment " + id + " is " + status
                    + "; only a flagged commitment awaits a decision").refused();
        }
        if (Objects.equals(actor.name(), madeBy)) {
            throw new Rejection.Forbidden("own-commitment",
                    "you made this commitment; another national KA manager decides on it").refused();
        }
    }

    private Commitment decided(CommitmentStatus decision, Actor actor, @Nullable String note, Instant now) {
        return new Commitment(id, visitId, accountId, storeId, region, type, description, decision, madeBy, madeAt,
                actor.name(), now, note, discountPercent, amount, units, allowedBy, exceeded, version);
    }
}
