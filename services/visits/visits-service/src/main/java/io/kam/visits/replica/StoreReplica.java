package io.kam.visits.replica;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A store as the accounts service announced it on {@code kam.accounts.v1}: this service's copy of the store master,
 * keyed by the store's id and replaced by every store event, so that applying one twice changes nothing. Name, city
 * and format are null only for a store whose closure is the first this service heard of it.
 */
@MappedEntity("store_replica")
public record StoreReplica(@Id UUID storeId, UUID accountId, String code, @Nullable String name, @Nullable String city,
                           Region region, @Nullable RetailFormat format, @Nullable LocalDate openingDate, boolean open,
                           @Nullable LocalDate closedOn) {
}
