package io.kam.sellthrough.settings;

import java.time.Clock;
import java.util.Currency;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.events.Actor;
import io.kam.platform.persistence.UniqueViolations;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
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
            throw new ApiProblem.Invalid("currency", "is not an ISO 4217 currency");
        }
        AccountSettings current = store.of(accountId);
        Versions.require(expectedVersion, current.version());
        if (!current.currency().equals(request.currency()) && store.hasFigures(accountId)) {
            throw new ApiProblem.Conflict("currency-fixed", "the service holds " + current.currency()
                    + " figures of this account; its currency can no longer change");
        }
        String code = request.retailerCode() == null || request.retailerCode().isBlank() ? null : request.retailerCode().strip();
        AccountSettings next = new AccountSettings(accountId, code, request.currency(), request.returnsAllowed(),
                current.version() + 1);
        int written = UniqueViolations.guard("account_settings_retailer_code",
                () -> store.save(next, current.version(), actor.name(), clock.instant()),
                () -> new ApiProblem.Conflict("retailer-code-taken", "the retailer code " + code + " names another account"));
        if (written == 0) {
            throw new ApiProblem.StaleVersion(expectedVersion, store.of(accountId).version());
        }
        return next;
    }
}
