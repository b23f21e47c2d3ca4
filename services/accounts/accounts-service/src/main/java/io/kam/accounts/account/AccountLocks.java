package io.kam.accounts.account;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for the rest of the transaction. Changes to an account's stores and contacts take this lock,
 * so they run one at a time per account and 404 when the account does not exist.
 */
@Component
public class AccountLocks {

    private final AccountRepository accounts;

    AccountLocks(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Account lock(UUID accountId) {
        return accounts.findByIdForUpdate(accountId).orElseThrow(() -> AccountNames.notFound(accountId));
    }
}
