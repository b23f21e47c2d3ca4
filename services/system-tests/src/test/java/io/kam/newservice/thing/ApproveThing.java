package io.kam.newservice.thing;

import io.kam.platform.web.ApiProblem;

/** A use case that refuses with a web exception instead of a rejection. */
public class ApproveThing {

    public void approve() {
        throw new ApiProblem.Conflict("thing-approved", "the thing is approved already");
    }
}
