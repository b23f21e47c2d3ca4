package io.kam.projection.review;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One store of an account; open stores are counted by region. */
@MappedEntity("review_store")
record StoreRow(@Id UUID storeId, UUID accountId, @Nullable String code, Region region, boolean open,
                @Nullable LocalDate closedOn) {
}
