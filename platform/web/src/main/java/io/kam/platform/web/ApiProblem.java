package io.kam.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A caller's request that the service refuses for a reason the caller can act on. Each subtype maps to one
 * status; {@link ProblemDetailsAdvice} turns it into an RFC 9457 problem detail.
 */
public abstract sealed class ApiProblem extends RuntimeException
        permits ApiProblem.Invalid, ApiProblem.Forbidden, ApiProblem.NotFound, ApiProblem.Conflict,
        ApiProblem.StaleVersion, ApiProblem.VersionRequired, ApiProblem.Rejected {

    private final String code;

    protected ApiProblem(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** A stable, machine-readable reason, for example {@code duplicate-store-code}. */
    public String code() {
        return code;
    }

    public abstract HttpStatus status();

    public abstract String title();

    /** 400: fields that are valid one by one but not together, for example a regional account without a region. */
    public static final class Invalid extends ApiProblem {
        private final java.util.List<FieldError> errors;

        public Invalid(java.util.List<FieldError> errors) {
            super("invalid-request", errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
            this.errors = java.util.List.copyOf(errors);
        }

        public Invalid(String field, String message) {
            this(java.util.List.of(new FieldError(field, message)));
        }

        public java.util.List<FieldError> errors() {
            return errors;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }

        @Override
        public String title() {
            return "Invalid request";
        }
    }

    /** 403: the caller is known but may not do this. */
    public static final class Forbidden extends ApiProblem {
        public Forbidden(String code, String detail) {
            super(code, detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    /** 404: the resource does not exist (or must not be seen to exist). */
    public static final class NotFound extends ApiProblem {
        public NotFound(String what, Object id) {
            super("not-found", what + " " + id + " does not exist");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_FOUND;
        }

        @Override
        public String title() {
            return "Not found";
        }
    }

    /** 409: the request conflicts with the current state, for example a duplicate key. */
    public static final class Conflict extends ApiProblem {
        private final java.util.Map<String, Object> facts;

        public Conflict(String code, String detail) {
            this(code, detail, java.util.Map.of());
        }

        /** @param facts what the caller may act on, added to the problem as members (for example a link to the original) */
        public Conflict(String code, String detail, java.util.Map<String, Object> facts) {
            super(code, detail);
            this.facts = java.util.Map.copyOf(facts);
        }

        public java.util.Map<String, Object> facts() {
            return facts;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }

        @Override
        public String title() {
            return "Conflict";
        }
    }

    /** 412: the caller's {@code If-Match} version is no longer the current one. */
    public static final class StaleVersion extends ApiProblem {
        public StaleVersion(long expected, long current) {
            super("stale-version", "the resource is at version " + current + ", not " + expected
                    + "; read it again and retry");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.PRECONDITION_FAILED;
        }

        @Override
        public String title() {
            return "Version is stale";
        }
    }

    /** 428: a change was requested without {@code If-Match}. */
    public static final class VersionRequired extends ApiProblem {
        public VersionRequired() {
            super("if-match-required", "send the version you read in an If-Match header, for example If-Match: \"3\"");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.PRECONDITION_REQUIRED;
        }

        @Override
        public String title() {
            return "Version required";
        }
    }

    /** 422: a business rule refuses the change. */
    public static final class Rejected extends ApiProblem {
        private final java.util.Map<String, Object> facts;

        public Rejected(String code, String detail) {
            this(code, detail, java.util.Map.of());
        }

        /**
         * @param facts figures the caller may act on without parsing the detail, added to the problem as members
         *              (for example how far a total misses its target)
         */
        public Rejected(String code, String detail, java.util.Map<String, Object> facts) {
            super(code, detail);
            this.facts = java.util.Map.copyOf(facts);
        }

        public java.util.Map<String, Object> facts() {
            return facts;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }

        @Override
        public String title() {
            return "Rejected by a business rule";
        }
    }
}
