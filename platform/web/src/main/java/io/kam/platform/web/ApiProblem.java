package io.kam.platform.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;

/**
 * A caller's request that a controller refuses for a reason the caller can act on. Each subtype but
 * {@link VersionRequired} (which only HTTP knows) carries the {@link Rejection} it stands for, and answers with that
 * rejection's problem detail; {@link ProblemDetailsAdvice} writes it.
 * <p>
 * Domain code (aggregates, use cases) does not throw these: it returns or throws a {@link Rejection}, so that it
 * knows nothing of HTTP. {@code ApiProblem} remains for the web layer, and for code not yet converted.
 */
public abstract sealed class ApiProblem extends RuntimeException
        permits ApiProblem.Invalid, ApiProblem.Forbidden, ApiProblem.NotFound, ApiProblem.Conflict,
        ApiProblem.StaleVersion, ApiProblem.VersionRequired, ApiProblem.Rejected {

    private final @Nullable Rejection rejection;
    private final String code;

    private ApiProblem(Rejection rejection) {
        super(rejection.detail());
        this.rejection = rejection;
        this.code = rejection.code();
    }

    private ApiProblem(String code, String detail) {
        super(detail);
        this.rejection = null;
        this.code = code;
    }

    /** A stable, machine-readable reason, for example {@code duplicate-store-code}. */
    public String code() {
        return code;
    }

    /** The domain rejection this problem stands for; null for a problem only HTTP knows. */
    public @Nullable Rejection rejection() {
        return rejection;
    }

    public HttpStatus status() {
        return Problems.status(java.util.Objects.requireNonNull(rejection));
    }

    public String title() {
        return Problems.title(java.util.Objects.requireNonNull(rejection));
    }

    /** 400: fields that are valid one by one but not together, for example a regional account without a region. */
    public static final class Invalid extends ApiProblem {
        public Invalid(List<FieldError> errors) {
            super(new Rejection.Invalid(errors));
        }

        public Invalid(String field, String message) {
            super(new Rejection.Invalid(field, message));
        }

        public List<FieldError> errors() {
            return ((Rejection.Invalid) java.util.Objects.requireNonNull(rejection())).errors();
        }
    }

    /** 403: the caller is known but may not do this. */
    public static final class Forbidden extends ApiProblem {
        public Forbidden(String code, String detail) {
            super(new Rejection.Forbidden(code, detail));
        }
    }

    /** 404: the resource does not exist (or must not be seen to exist). */
    public static final class NotFound extends ApiProblem {
        public NotFound(String what, Object id) {
            super(new Rejection.NotFound(what, id));
        }
    }

    /** 409: the request conflicts with the current state, for example a duplicate key. */
    public static final class Conflict extends ApiProblem {
        public Conflict(String code, String detail) {
            this(code, detail, Map.of());
        }

        /** @param facts what the caller may act on, added to the problem as members (for example a link to the original) */
        public Conflict(String code, String detail, Map<String, Object> facts) {
            super(new Rejection.Conflict(code, detail, facts));
        }

        public Map<String, Object> facts() {
            return java.util.Objects.requireNonNull(rejection()).facts();
        }
    }

    /** 412: the caller's {@code If-Match} version is no longer the current one. */
    public static final class StaleVersion extends ApiProblem {
        public StaleVersion(long expected, long current) {
            super(new Rejection.StaleVersion(expected, current));
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
        public Rejected(String code, String detail) {
            this(code, detail, Map.of());
        }

        /**
         * @param facts figures the caller may act on without parsing the detail, added to the problem as members
         *              (for example how far a total misses its target)
         */
        public Rejected(String code, String detail, Map<String, Object> facts) {
            super(new Rejection.BrokenRule(code, detail, facts));
        }

        public Map<String, Object> facts() {
            return java.util.Objects.requireNonNull(rejection()).facts();
        }
    }
}
