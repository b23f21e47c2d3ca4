package io.kam.platform.security;

import java.io.IOException;

import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Services learn Keycloak's keys lazily, on the first token. While Keycloak cannot be reached that lookup fails;
 * this turns the failure into a 503 problem detail with {@code Retry-After} instead of a 500.
 */
final class IdentityProviderGuard extends OncePerRequestFilter {

    private final ProblemResponses problems;

    IdentityProviderGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (JwtDecoderInitializationException e) {
            if (response.isCommitted()) {
                throw e;
            }
            problems.identityProviderUnavailable(request, response);
        }
    }
}
