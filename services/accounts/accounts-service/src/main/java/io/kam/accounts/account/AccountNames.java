package io.kam.accounts.account;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.persistence.UniqueViolations;

/** Account names are unique, ignoring case: two accounts called "Yangtze Hyper" are a data-entry mistake. */
@Component
class AccountNames {

    private final AccountRepository accounts;

    AccountNames(AccountRepository accounts) {
        this.accounts = accounts;
    }

    Account saveUnique(Account account, Supplier<Account> write) {
        if (accounts.nameTaken(account.name(), account.id())) {
            throw duplicate(account.name());
        }
        return UniqueViolations.guard("account_name_unique", write, () -> duplicate(account.name()));
    }

    private static Refused duplicate(String name) {
        return new Rejection.Conflict("duplicate-account-name", "an account named " + name + " already exists").refused();
    }

    static Refused notFound(UUID id) {
        return new Rejection.NotFound("Account", id).refused();
    }
}
