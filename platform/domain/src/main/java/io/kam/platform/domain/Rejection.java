package io.kam.platform.domain;

import java.util.List;
import java.util.Map;

/**
 * Why the domain refuses a request, with the facts a caller may act on. Each kind has one meaning, whatever carries
 * it to the caller: kam-web answers {@link Invalid} with 400, {@link Forbidden} 403, {@link NotFound} 404,
 * {@link Conflict} 409, {@link StaleVersion} 412 and {@link BrokenRule} 422, each as an RFC 9457 problem detail
 * whose {@code code} is {@link #code()} and whose extra members are {@link #facts()}.
 * <p>
 * An aggregate may return a rejection (a use case then decides what to do with it) or throw it with
 * {@link #refused()}; nothing is written when a rejection is thrown inside the change's transaction.
 */
public sealed interface Rejection {

    /** A stable, machine-readable reason, for example {@code plan-exists}. */
    String code();

    /** What was refused and why, in words the caller can act on. */
    String detail();

    /** Figures and links the caller may act on without parsing the detail; empty by default. */
    default Map<String, Object> facts() {
        return Map.of();
    }

    /** This rejection as an exception, for code that refuses from deep inside a call. */
    default Refused refused() {
        return new Refused(this);
    }

    /** Fields that are valid one by one but not together, or a value the rules refuse where it came in. */
    record Invalid(List<FieldError> errors) implements Rejection {
        public Invalid {
            errors = List.copyOf(errors);
        }

        public Invalid(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        @Override
        public String code() {
            return "invalid-request";
        }

        @Override
        public String detail() {
            return errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        }
    }

    /** The caller is known but may not do this to this thing (someone else's region, their own plan). */
    record Forbidden(String code, String detail) implements Rejection {
    }

    /** The thing does not exist, or must not be seen to exist. */
    record NotFound(String what, Object id) implements Rejection {
        @Override
        public String code() {
            return "not-found";
        }

        @Override
        public String detail() {
            return what + " " + id + " does not exist";
        }
    }

    /** The request conflicts with the current state: a duplicate, or a step its current status does not allow. */
    record Conflict(String code, String detail, Map<String, Object> facts) implements Rejection {
        public Conflict {
            facts = Map.copyOf(facts);
        }

        public Conflict(String code, String detail) {
            this(code, detail, Map.of());
        }
    }

    /** The caller changed a version that is no longer the current one. */
    record StaleVersion(long expected, long current) implements Rejection {
        @Override
        public String code() {
            return "stale-version";
        }

        @Override
        public String detail() {
            return "the resource is at version " + current + ", not " + expected + "; read it again and retry";
        }
    }

    /** A business rule refuses the change, for example a phasing that does not add up to its annual target. */
    record BrokenRule(String code, String detail, Map<String, Object> facts) implements Rejection {
        public BrokenRule {
            facts = Map.copyOf(facts);
        }

        public BrokenRule(String code, String detail) {
            this(code, detail, Map.of());
        }
    }
}
