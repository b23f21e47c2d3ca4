package io.kam.visits.api;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a limit comes from: version {@code agreementVersion} of the signed agreement {@code agreementId}, or revision
 * {@code promotionRevision} of the agreed promotion {@code promotionId}; the other pair is null.
 */
public record LimitSource(@Nullable UUID agreementId, @Nullable Integer agreementVersion, @Nullable UUID promotionId,
                          @Nullable Integer promotionRevision) {

    public static LimitSource agreement(UUID agreementId, int version) {
        return new LimitSource(agreementId, version, null, null);
    }

    public static LimitSource promotion(UUID promotionId, int revision) {
        return new LimitSource(null, null, promotionId, revision);
    }
}
