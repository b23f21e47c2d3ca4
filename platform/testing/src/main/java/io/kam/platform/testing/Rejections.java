package io.kam.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;

/** Assertions on what the domain refuses: {@code assertThat(rejectionOf(() -> plan.approve(author)))...}. */
public final class Rejections {

    private Rejections() {
    }

    /** The rejection the call throws; fails the test when it throws anything else, or nothing. */
    public static Rejection rejectionOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call throws").isInstanceOf(Refused.class);
        return ((Refused) thrown).rejection();
    }
}
