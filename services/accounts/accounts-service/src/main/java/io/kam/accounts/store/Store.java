package io.kam.accounts.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.StoreStatus;
import io.kam.platform.domain.Rejection;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A store of an account, in one region. Its code is unique within the account. */
@MappedEntity("store")
public record Store(@Id UUID id, UUID accountId, String code, String name, String city, Region region,
                    RetailFormat format, @Nullable LocalDate openingDate, StoreStatus status, @Nullable LocalDate closedOn,
                    @Nullable String closeReason, Instant createdAt) {

    static Store open(UUID accountId, AccountRequests.OpenStore request, Instant now) {
        return new Store(UUID.randomUUID(), accountId, request.code().strip(), request.name().strip(),
                request.city().strip(), request.region(), request.format(), request.openingDate(), StoreStatus.OPEN,
                null, null, now);
    }

    StoreOpened opened() {
        return new StoreOpened(accountId, id, code, name, city, region, format, openingDate);
    }

    /**
     * Closes the store; a closed store cannot close again, nor before it opened, nor on a day still ahead in the
     * market ({@code today}).
     */
    Store close(LocalDate on, LocalDate today, String reason) {
        if (on.isAfter(today)) {
            throw new Rejection.Invalid("closedOn", "must not be after today (" + today + ") in the market's time zone").refused();
        }
        if (status == StoreStatus.CLOSED) {
            throw new Rejection.Conflict("store-already-closed", "store " + code + " closed on " + closedOn).refused();
        }
        if (openingDate != null && on.isBefore(openingDate)) {
            throw new Rejection.BrokenRule("store-closed-before-opening",
                    "store " + code + " opened on " + openingDate + " and cannot close on " + on).refused();
        }
        return new Store(id, accountId, code, name, city, region, format, openingDate, StoreStatus.CLOSED, on,
                reason.strip(), createdAt);
    }

    StoreClosed closed() {
        return new StoreClosed(accountId, id, code, region, closedOn, closeReason);
    }
}
