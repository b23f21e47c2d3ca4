package io.kam.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import io.kam.platform.domain.Rejection;

/**
 * The one place that builds the platform's problem details (RFC 9457): a {@code type} under {@link #TYPE_BASE} named
 * by a stable code, the status's title, the detail, and the code again as a member that clients switch on. The
 * advice, the resource server's 401/403, the gateway and every controller with an answer of its own build theirs
 * here, and each {@link Rejection} kind maps to its status here only.
 */
public final class Problems {

    /** The problem types' base; {@code https://kam-platform.io/problems/plan-exists} names one. */
    public static final URI TYPE_BASE = URI.create("https://kam-platform.io/problems/");

    private Problems() {
    }

    /** A problem detail in the platform's shape, with {@code code} as its type's last segment and as a member. */
    public static ProblemDetail problem(HttpStatusCode status, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(TYPE_BASE.resolve(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem detail of a domain rejection: its status and title by kind, its field errors, its facts. */
    public static ProblemDetail of(Rejection rejection) {
        ProblemDetail problem = problem(status(rejection), title(rejection), rejection.code(), rejection.detail());
        if (rejection instanceof Rejection.Invalid invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        rejection.facts().forEach(problem::setProperty);
        return problem;
    }

    /** The status that answers each kind of rejection. */
    public static HttpStatus status(Rejection rejection) {
        return switch (rejection) {
            case Rejection.Invalid invalid -> HttpStatus.BAD_REQUEST;
            case Rejection.Forbidden forbidden -> HttpStatus.FORBIDDEN;
            case Rejection.NotFound notFound -> HttpStatus.NOT_FOUND;
            case Rejection.Conflict conflict -> HttpStatus.CONFLICT;
            case Rejection.StaleVersion stale -> HttpStatus.PRECONDITION_FAILED;
            case Rejection.BrokenRule broken -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static String title(Rejection rejection) {
        return switch (rejection) {
            case Rejection.Invalid invalid -> "Invalid request";
            case Rejection.Forbidden forbidden -> "Forbidden";
            case Rejection.NotFound notFound -> "Not found";
            case Rejection.Conflict conflict -> "Conflict";
            case Rejection.StaleVersion stale -> "Version is stale";
            case Rejection.BrokenRule broken -> "Rejected by a business rule";
        };
    }

    /**
     * A problem detail's members in RFC 9457 order with its extra members inline, for a writer that serialises it
     * without Spring MVC's message converters (a servlet filter, for example).
     */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        if (problem.getTitle() != null) {
            members.put("title", problem.getTitle());
        }
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }
}
