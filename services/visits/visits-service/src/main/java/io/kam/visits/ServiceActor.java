package io.kam.visits;

/**
 * The name in the {@code actor} of events this service causes by itself: visits the schedule plans or cancels as the
 * store master and the standards change, and visits the sweep marks missed.
 */
public final class ServiceActor {

    public static final String NAME = "kam-visits";

    private ServiceActor() {
    }
}
