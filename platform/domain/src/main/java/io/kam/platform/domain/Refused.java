package io.kam.platform.domain;

/**
 * A {@link Rejection} thrown: it unwinds the use case (and rolls its transaction back) and reaches the caller as the
 * rejection's problem detail. It carries no stack trace, since it is an answer rather than a failure.
 */
public final class Refused extends RuntimeException {

    private final transient Rejection rejection;

    public Refused(Rejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
