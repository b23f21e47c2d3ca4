package io.kam.sellthrough.rows;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A store of the account, as the sell-through service knows it from the accounts events.
 *
 * @param no          the service's own number for the store, the key of its figures
 * @param code        the store's code within the account
 * @param openingDate the day it opened; null when unknown
 * @param closedOn    the day it closed; null while open
 */
public record StoreRef(int no, String code, @Nullable LocalDate openingDate, @Nullable LocalDate closedOn) {

    long firstDay() {
        return openingDate == null ? Long.MIN_VALUE : openingDate.toEpochDay();
    }

    long lastDay() {
        return closedOn == null ? Long.MAX_VALUE : closedOn.toEpochDay();
    }
}
