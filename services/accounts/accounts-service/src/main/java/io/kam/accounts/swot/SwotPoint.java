package io.kam.accounts.swot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.RelationshipEvents.SwotPointAdded;
import io.kam.accounts.api.RelationshipEvents.SwotPointChanged;
import io.kam.accounts.api.RelationshipEvents.SwotPointRemoved;
import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.domain.FieldError;

import io.kam.platform.domain.Rejection;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A point of an account's SWOT analysis (S.W.O.T 分析), or an action key point (行动关键点) drawn from such points.
 * The points a key point draws on ({@code basedOn}) are kept beside it, in {@code swot_basis}.
 */
@MappedEntity("swot_point")
public record SwotPoint(@Id UUID id, UUID accountId, SwotKind kind, String text, @Nullable String note,
                        Instant createdAt, @Nullable @Version Long version) {

    static SwotPoint add(UUID accountId, SwotPointDetails details, Instant now) {
        return new SwotPoint(UUID.randomUUID(), accountId, details.kind(), details.text().strip(),
                blankToNull(details.note()), now, null);
    }

    /** The point as the details describe it. */
    SwotPoint change(SwotPointDetails details) {
        return new SwotPoint(id, accountId, details.kind(), details.text().strip(), blankToNull(details.note()),
                createdAt, version);
    }

    boolean sameAs(SwotPoint other) {
        return kind == other.kind && text.equals(other.text) && Objects.equals(note, other.note);
    }

    /**
     * Refuses a basis that is not a list of this account's own SWOT points: only a key point draws on other
     * points, each at most once, and never on a key point (nor on itself).
     *
     * @param self            the point being changed; null when adding one
     * @param pointsOfAccount every point of the account and its kind
     */
    static void requireValidBasis(SwotKind kind, List<UUID> basedOn, @Nullable UUID self,
                                  Map<UUID, SwotKind> pointsOfAccount) {
        if (basedOn.isEmpty()) {
            return;
        }
        if (kind != SwotKind.KEY_POINT) {
            throw new Rejection.Invalid("basedOn", "must be empty: only a KEY_POINT draws on other points").refused();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < basedOn.size(); i++) {
            UUID basis = basedOn.get(i);
            String field = "basedOn[" + i + "]";
            SwotKind basisKind = pointsOfAccount.get(basis);
            if (basis.equals(self)) {
                errors.add(new FieldError(field, "is this key point itself"));
            } else if (!seen.add(basis)) {
                errors.add(new FieldError(field, "lists " + basis + " a second time"));
            } else if (basisKind == null) {
                errors.add(new FieldError(field, "is not a SWOT point of this account: " + basis));
            } else if (basisKind == SwotKind.KEY_POINT) {
                errors.add(new FieldError(field, "is a key point; a key point draws on strengths, weaknesses, "
                        + "opportunities and threats"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
    }

    /**
     * Refuses to turn a point that key points draw on into a key point, or to remove it: they would lose their
     * basis.
     */
    void requireNotInUse(List<UUID> usedBy, String act) {
        if (!usedBy.isEmpty()) {
            throw new Rejection.Conflict("swot-point-in-use", "key point" + (usedBy.size() == 1 ? " " : "s ")
                    + usedBy + " draw" + (usedBy.size() == 1 ? "s" : "") + " on this " + kind + "; change "
                    + (usedBy.size() == 1 ? "it" : "them") + " before you " + act + " it").refused();
        }
    }

    SwotPointAdded added(List<UUID> basedOn) {
        return new SwotPointAdded(accountId, id, kind, text, note, List.copyOf(basedOn));
    }

    SwotPointChanged changed(List<UUID> basedOn) {
        return new SwotPointChanged(accountId, id, kind, text, note, List.copyOf(basedOn));
    }

    SwotPointRemoved removed() {
        return new SwotPointRemoved(accountId, id, kind);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
