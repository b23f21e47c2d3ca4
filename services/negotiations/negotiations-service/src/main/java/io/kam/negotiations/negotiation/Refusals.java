package io.kam.negotiations.negotiation;

import java.util.List;
import java.util.Map;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;

/** The service's 422 refusals: a rule broken by the named fields, each with what is wrong with it. */
final class Refusals {

    private Refusals() {
    }

    static Refused unprocessable(String code, String detail, List<FieldError> errors) {
        return new Rejection.BrokenRule(code, detail, Map.of("errors", List.copyOf(errors))).refused();
    }

    static Refused unprocessable(String code, String field, String message) {
        return unprocessable(code, message, List.of(new FieldError(field, message)));
    }
}
