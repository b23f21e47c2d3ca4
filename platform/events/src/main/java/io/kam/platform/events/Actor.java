package io.kam.platform.events;

import java.util.Set;

/**
 * Who is acting: the user or client name that goes into every event's {@code actor}, and the realm roles that
 * business rules check.
 */
public record Actor(String name, Set<String> roles) {

    public static final String NATIONAL_KA_MANAGER = "national-ka-manager";
    public static final String REGIONAL_COORDINATOR = "regional-coordinator";
    public static final String INTEGRATION = "integration";

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
