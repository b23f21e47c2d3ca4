package io.kam.prospects.account;

import java.time.Instant;
import java.util.UUID;

/**
 * What else must happen when the accounts service opens an account, told by {@link AccountsListener} in the
 * transaction that records the account (so a redelivered event does it at most once). The prospects feature implements
 * it to mark the converted prospect; this package knows nothing of prospects.
 */
public interface AccountOpenings {

    /** The account was opened at that time. */
    void opened(UUID accountId, Instant at);
}
