package io.kam.sellthrough.connector;

/** A source could not be read: unreachable, an error status, a missing cursor, a folder that is not there. */
final class PullFailure extends Exception {

    PullFailure(String message) {
        super(message);
    }

    PullFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
