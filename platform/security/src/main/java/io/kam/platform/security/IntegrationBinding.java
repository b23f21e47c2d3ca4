package io.kam.platform.security;

import java.io.IOException;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Refused;
import io.kam.platform.web.CurrentActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Fails closed for integrations on every path of every service: an integration token bound to no retailer (and not
 * granted {@code integration-all-accounts}), or whose retailer claim is no account id, is refused (403, the
 * {@link DataScope} rejection) before any controller runs, reading or pushing. Public paths (health) stay open.
 */
final class IntegrationBinding extends OncePerRequestFilter {

    private final CurrentActor actor;
    private final RequestMatcher open;
    private final ProblemResponses problems;

    IntegrationBinding(CurrentActor actor, RequestMatcher open, ProblemResponses problems) {
        this.actor = actor;
        this.open = open;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open.matches(request)) {
            try {
                DataScope.account(actor.get());
            } catch (Refused refused) {
                problems.refused(request, response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
