package io.kam.platform.domain;

/**
 * Optimistic concurrency in the domain: a command names the version of the thing it read, and is refused with
 * {@link Rejection.StaleVersion} when that is no longer the current one.
 */
public final class ExpectedVersion {

    /** The caller accepts whatever version is current (HTTP's {@code If-Match: *}). */
    public static final long ANY = -1;

    private ExpectedVersion() {
    }

    /**
     * @throws Refused with {@link Rejection.StaleVersion} unless {@code expected} is {@link #ANY} or {@code current}
     */
    public static void require(long expected, long current) {
        if (expected != ANY && expected != current) {
            throw new Rejection.StaleVersion(expected, current).refused();
        }
    }
}
