package io.kam.platform.domain;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.platform.events.Actor;

/**
 * What part of the data an actor may see. National KA managers see everything. A regional coordinator sees one
 * region. An integration whose token carries a {@code retailer} claim sees that one account; without the claim it
 * sees nothing (fails closed, 403 {@code retailer-required}) unless it also holds the separately granted role
 * {@value Actor#INTEGRATION_ALL_ACCOUNTS}, the only way to every account. Services turn these into filters, answering 404 for what lies outside (so its existence does
 * not leak) and 403 when the caller explicitly asks for more.
 */
public final class DataScope {

    private DataScope() {
    }

    /** The region a coordinator is confined to; empty for everyone else. */
    public static Optional<String> region(Actor actor) {
        if (!actor.isConfinedToARegion()) {
            return Optional.empty();
        }
        String region = actor.region();
        if (region == null || region.isBlank()) {
            throw new Rejection.Forbidden("region-missing", "your login has no region; an administrator sets it in Keycloak").refused();
        }
        return Optional.of(region);
    }

    /** The region a listing is limited to: a coordinator's own, who may not ask for another; else the one asked for. */
    public static Optional<String> listingRegion(Actor actor, @Nullable String requested) {
        Optional<String> confined = region(actor);
        if (confined.isPresent() && requested != null && !requested.equals(confined.get())) {
            throw new Rejection.Forbidden("outside-your-region", "you work in " + confined.get() + ", not " + requested).refused();
        }
        return confined.isPresent() ? confined : Optional.ofNullable(requested);
    }

    /**
     * The region a coordinator is confined to, as the service's own region type (an enum whose constants are the
     * regions' names). A login whose region is not one of them is refused (403): it cannot be confined.
     */
    public static <R extends Enum<R>> Optional<R> region(Actor actor, Class<R> regions) {
        return region(actor).map(name -> asRegion(name, regions));
    }

    /** {@link #listingRegion(Actor, String)} in the service's own region type. */
    public static <R extends Enum<R>> Optional<R> listingRegion(Actor actor, @Nullable R requested, Class<R> regions) {
        return listingRegion(actor, requested == null ? null : requested.name()).map(name -> asRegion(name, regions));
    }

    private static <R extends Enum<R>> R asRegion(String name, Class<R> regions) {
        try {
            return Enum.valueOf(regions, name);
        } catch (IllegalArgumentException e) {
            throw new Rejection.Forbidden("region-missing", "your login's region " + name + " is not a sales region").refused();
        }
    }

    /**
     * The one account an integration may see; empty for actors that are not integrations (their scope is the region
     * or everything) and for an integration granted {@value Actor#INTEGRATION_ALL_ACCOUNTS}. An integration bound to
     * no retailer and without that role is refused (403 {@code retailer-required}): it is never given every account
     * by default. A retailer claim, when present, binds even an integration that also holds the all-accounts role.
     */
    public static Optional<UUID> account(Actor actor) {
        if (actor.has(Actor.NATIONAL_KA_MANAGER) || !actor.has(Actor.INTEGRATION)) {
            return Optional.empty();
        }
        String retailer = actor.retailer();
        if (retailer == null || retailer.isBlank()) {
            if (actor.has(Actor.INTEGRATION_ALL_ACCOUNTS)) {
                return Optional.empty();
            }
            throw new Rejection.Forbidden("retailer-required", "this client is bound to no retailer; an integration sees "
                    + "only the one account its retailer claim names (or every account with the role "
                    + Actor.INTEGRATION_ALL_ACCOUNTS + ")").refused();
        }
        try {
            return Optional.of(UUID.fromString(retailer));
        } catch (IllegalArgumentException e) {
            throw new Rejection.Forbidden("retailer-invalid", "the client's retailer claim is not an account id").refused();
        }
    }
}
