package io.kam.web.shell;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API refused or failed: its status and, when the answer was a problem detail (RFC 9457), the problem's
 * {@code code}, detail and field errors. Pages show it translated: {@code problem.<code>} when the bundles have
 * that code, else {@code problem.status.<status>} (see {@link ProblemPages}).
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final @Nullable String code;
    private final @Nullable String detail;
    private final List<Map<String, Object>> errors;

    ApiProblem(int status, @Nullable String code, @Nullable String detail, List<Map<String, Object>> errors) {
        super("API answered " + status + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors;
    }

    static ApiProblem of(int status, byte[] body, JsonMapper json) {
        try {
            Map<?, ?> problem = json.readValue(body, Map.class);
            return new ApiProblem(status, text(problem.get("code")), text(problem.get("detail")),
                    Api.list(problem.get("errors")));
        } catch (JacksonException notJson) {
            return new ApiProblem(status, null, null, List.of());
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    public int status() {
        return status;
    }

    public @Nullable String code() {
        return code;
    }

    public @Nullable String detail() {
        return detail;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
