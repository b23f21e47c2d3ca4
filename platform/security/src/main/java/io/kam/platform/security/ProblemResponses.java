package io.kam.platform.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;

import io.kam.platform.domain.Refused;
import io.kam.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details, keeping the {@code WWW-Authenticate} header that OAuth2 bearer-token
 * clients read (RFC 6750).
 */
final class ProblemResponses {

    private final JsonMapper json;
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerEntryPoint.commence(request, response, failure);
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthenticated", "unauthenticated",
                "Send a valid access token from the platform's Keycloak realm, issued for its API (audience): "
                        + "Authorization: Bearer <token>.");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
            throws IOException {
        bearerDenied.handle(request, response, failure);
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "role-required", "Your roles do not allow this.");
    }

    /** A refusal of the domain's rules (e.g. an integration bound to no retailer) reached in the filter chain. */
    void refused(HttpServletRequest request, HttpServletResponse response, Refused refused) throws IOException {
        write(request, response, Problems.of(refused.rejection()));
    }

    /** The identity provider could not be asked for its keys: the caller may retry, the token may be fine. */
    void identityProviderUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable", "identity-provider-unavailable",
                "The token could not be checked because Keycloak did not answer; retry shortly.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String code, String detail) throws IOException {
        write(request, response, Problems.problem(status, title, code, detail));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = Problems.members(problem);
        body.put("instance", request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
