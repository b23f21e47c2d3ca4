package io.kam.visits.commitment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.CommitmentType;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * What a coordinator may promise an account at a visit without an amount: a set of commitment types, kept by national
 * KA managers (不可做出任何政策外的承诺). An account without one allows nothing, so every such commitment is flagged. A
 * commitment with an amount is judged by the limits the agreed terms and promotions set instead ({@link AmountGuard}).
 */
@MappedEntity("commitment_policy")
public record CommitmentPolicy(@Id UUID accountId, String allowed, @Nullable @Version Long version) {

    /** The policy of an account nobody has set one for. */
    public static CommitmentPolicy none(UUID accountId) {
        return new CommitmentPolicy(accountId, "", null);
    }

    public static CommitmentPolicy of(UUID accountId, Set<CommitmentType> types, @Nullable Long version) {
        return new CommitmentPolicy(accountId, types.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                version);
    }

    /** The allowed types, in their declared order. */
    public List<CommitmentType> types() {
        if (allowed.isEmpty()) {
            return List.of();
        }
        EnumSet<CommitmentType> types = EnumSet.noneOf(CommitmentType.class);
        Arrays.stream(allowed.split(",")).map(CommitmentType::valueOf).forEach(types::add);
        return List.copyOf(types);
    }

    /** Whether a commitment of this type is within the policy. */
    public boolean allows(CommitmentType type) {
        return types().contains(type);
    }
}
