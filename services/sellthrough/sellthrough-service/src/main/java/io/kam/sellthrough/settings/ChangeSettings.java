package io.kam.sellthrough.settings;

import java.time.Clock;
import java.util.Currency;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.persistence.UniqueViolations;
import io.kam.sellthrough.api.SellThroughRequests;

/**
 * Sets how an account's rows are treated. A retailer code names one account only. The currency is fixed once the
 * service holds figures of the account: every total of an account is in one currency.
 */
@Service
class ChangeSettings {

    private final SettingsStore store;
    private final Clock clock;

    ChangeSettings(SettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    AccountSettings change(UUID accountId, long expectedVersion, SellThroughRequests.AccountSettings request, Actor actor) {
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw new Rejection.Invalid("currency", "is not an ISO 4217 currency").refused();
        }
        AccountSettings current = store.of(accountId);
        ExpectedVersion.require(expectedVersion, current.version());
        if (!current.currency().equals(request.currency()) && store.hasFigures(accountId)) {
            throw new Rejection.Conflict("currency-fixed", "the service holds " + current.currency()
                    + " figures of this account; its currency can no longer change").refused();
        }
        String code = request.retailerCode() == null || request.retailerCode().isBlank() ? null : request.retailerCode().strip();
        AccountSettings next = new AccountSettings(accountId, code, request.currency(), request.returnsAllowed(),
                current.version() + 1);
        int written = UniqueViolations.guard("account_settings_retailer_code",
                () -> store.save(next, current.version(), actor.name(), clock.instant()),
                () -> new Rejection.Conflict("retailer-code-taken", "the retailer code " + code + " names another account").refused());
        if (written == 0) {
            throw new Rejection.StaleVersion(expectedVersion, store.of(accountId).version()).refused();
        }
        return next;
    }
}
