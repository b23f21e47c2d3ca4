package io.kam.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;

/** The actor of the current request, read from its validated token: user name, realm roles, region claim. */
final class TokenActor extends CurrentActor {

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return new Actor(ANONYMOUS, Set.of());
        }
        Set<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(RealmRolesConverter.ROLE_PREFIX))
                .map(a -> a.substring(RealmRolesConverter.ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Actor(token.getName(), roles, claim(token, "region"), claim(token, "retailer"));
    }

    private static @Nullable String claim(JwtAuthenticationToken token, String name) {
        String value = token.getToken().getClaimAsString(name);
        return value == null || value.isBlank() ? null : value;
    }
}
