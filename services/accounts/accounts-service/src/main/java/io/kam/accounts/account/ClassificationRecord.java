package io.kam.accounts.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.ValueTier;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One classification change: who, when and why. */
@MappedEntity("classification_change")
public record ClassificationRecord(@Id UUID id, UUID accountId, ValueTier tier, AccountRole role,
                                   @Nullable ValueTier previousTier, @Nullable AccountRole previousRole, String reason, String changedBy,
                                   Instant changedAt) {
}
