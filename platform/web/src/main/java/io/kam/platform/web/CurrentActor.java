package io.kam.platform.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.kam.platform.events.Actor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The actor of the current request, from the servlet's authenticated principal and its roles. Without an
 * authenticated principal the actor is {@value #ANONYMOUS} with no roles, so every rule that needs a role refuses.
 */
public class CurrentActor {

    /**
     * The current actor, if they hold one of the roles.
     *
     * @throws ApiProblem.Forbidden otherwise
     */
    public Actor requireAny(String... roles) {
        Actor actor = get();
        for (String role : roles) {
            if (actor.has(role)) {
                return actor;
            }
        }
        throw new ApiProblem.Forbidden("role-required", "this needs one of the roles " + String.join(", ", roles));
    }

    public static final String ANONYMOUS = "anonymous";
    private static final List<String> KNOWN_ROLES = List.of(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR,
            Actor.INTEGRATION);

    public Actor get() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return new Actor(ANONYMOUS, Set.of());
        }
        HttpServletRequest request = attributes.getRequest();
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return new Actor(ANONYMOUS, Set.of());
        }
        return new Actor(principal.getName(),
                KNOWN_ROLES.stream().filter(request::isUserInRole).collect(Collectors.toUnmodifiableSet()));
    }
}
