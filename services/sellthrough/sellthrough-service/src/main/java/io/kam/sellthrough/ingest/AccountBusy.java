package io.kam.sellthrough.ingest;

/** Another batch of the same account held its lock for longer than the batch would wait. */
final class AccountBusy extends RuntimeException {

    AccountBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
