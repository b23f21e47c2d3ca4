package io.kam.platform.events;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting: the user or client name that goes into every event's {@code actor}, the realm roles that
 * business rules check, for a regional coordinator the region (a store region name such as {@code EAST}) their
 * work is confined to, and for an integration tied to one retailer that retailer's account id.
 */
public record Actor(String name, Set<String> roles, @Nullable String region, @Nullable String retailer) {

    public static final String NATIONAL_KA_MANAGER = "national-ka-manager";
    public static final String REGIONAL_COORDINATOR = "regional-coordinator";
    public static final String INTEGRATION = "integration";
    /**
     * An integration that may see every account rather than the one retailer its {@code retailer} claim names:
     * defined in the realm, granted to no client by default (an operator grants it deliberately).
     */
    public static final String INTEGRATION_ALL_ACCOUNTS = "integration-all-accounts";

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        roles = Set.copyOf(roles);
    }

    public Actor(String name, Set<String> roles) {
        this(name, roles, null, null);
    }

    public Actor(String name, Set<String> roles, @Nullable String region) {
        this(name, roles, region, null);
    }

    /** Whether this actor works only within one region: a regional coordinator, who sees nothing outside it. */
    public boolean isConfinedToARegion() {
        return !has(NATIONAL_KA_MANAGER) && has(REGIONAL_COORDINATOR);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
