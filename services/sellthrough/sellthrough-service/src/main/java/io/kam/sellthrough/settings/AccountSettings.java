package io.kam.sellthrough.settings;

import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How the service treats one account's rows.
 *
 * @param retailerCode   the code integrations may name the account by; null for none
 * @param currency       the ISO 4217 currency of every sales value
 * @param returnsAllowed whether negative units and sales (returns exceeding the day's sales) are accepted
 * @param version        0 for the defaults of an account nobody configured yet
 */
public record AccountSettings(UUID accountId, @Nullable String retailerCode, String currency, boolean returnsAllowed,
                              long version) {

    /** What an account nobody configured gets: yuan, and no returns. */
    public static final String DEFAULT_CURRENCY = "CNY";

    public static AccountSettings defaults(UUID accountId) {
        return new AccountSettings(accountId, null, DEFAULT_CURRENCY, false, 0);
    }

    /** The currency's decimals: the scale of every sales value (2 for CNY). */
    public int scale() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
