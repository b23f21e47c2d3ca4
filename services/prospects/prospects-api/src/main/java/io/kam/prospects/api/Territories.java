package io.kam.prospects.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.kam.accounts.api.Region;

/**
 * A sales territory is a region. Territory-level events (screening criteria) are keyed by the territory's fixed id,
 * derived from the region's name, where account-level events are keyed by the account id.
 */
public final class Territories {

    private Territories() {
    }

    public static UUID id(Region region) {
        return UUID.nameUUIDFromBytes(("kam:territory:" + region.name()).getBytes(StandardCharsets.UTF_8));
    }
}
