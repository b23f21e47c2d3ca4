package io.kam.accounts.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.DevelopmentStage;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One move in the development model, with its evidence. */
@MappedEntity("stage_change")
public record StageRecord(@Id UUID id, UUID accountId, @MappedProperty("from_stage") DevelopmentStage from,
                          @MappedProperty("to_stage") DevelopmentStage to, String evidence, @Nullable String reason,
                          String changedBy, Instant changedAt) {
}
