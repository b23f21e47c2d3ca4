package io.kam.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paths a service answers for some realm roles only, refused (403) before anything of the request is read: a caller
 * without the role learns nothing, not even whether the body would have been valid. Configured per service, e.g.
 * {@code kam.security.restricted[0].paths=/api/negotiations/**} and
 * {@code kam.security.restricted[0].roles=national-ka-manager}. Checks inside the service (regions, four eyes)
 * still apply after this one.
 */
@ConfigurationProperties("kam.security")
public record RestrictedPaths(List<Rule> restricted) {

    public RestrictedPaths {
        restricted = restricted == null ? List.of() : List.copyOf(restricted);
    }

    /** Requests matching any of {@code paths} need one of {@code roles}. */
    public record Rule(List<String> paths, List<String> roles) {

        public Rule {
            if (paths == null || paths.isEmpty() || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("a kam.security.restricted rule needs paths and roles");
            }
            paths = List.copyOf(paths);
            roles = List.copyOf(roles);
        }
    }
}
