package io.kam.visits.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.visits.api.SettingViews.RegionView;

/**
 * Who coordinates each region: the login name national KA managers assigned, or nobody. A region starts unassigned;
 * its scheduled visits are then planned without a coordinator and listed as unassigned until one is set.
 */
@Component
class RegionCoordinators {

    private final JdbcClient jdbc;

    RegionCoordinators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every region, assigned or not, in the order of {@link Region}. */
    List<RegionView> all() {
        Map<Region, RegionView> assigned = new EnumMap<>(Region.class);
        jdbc.sql("select region, coordinator, changed_by, changed_at from region_coordinator")
                .query((rs, n) -> new RegionView(Region.valueOf(rs.getString(1)), rs.getString(2), true, rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list().forEach(view -> assigned.put(view.region(), view));
        return Arrays.stream(Region.values())
                .map(r -> assigned.getOrDefault(r, new RegionView(r, null, false, null, null))).toList();
    }

    Map<Region, String> byRegion() {
        Map<Region, String> coordinators = new EnumMap<>(Region.class);
        all().stream().filter(RegionView::assigned).forEach(view -> coordinators.put(view.region(), view.coordinator()));
        return coordinators;
    }

    RegionView of(Region region) {
        return all().stream().filter(view -> view.region() == region).findFirst().orElseThrow();
    }

    /** Sets or (with null) clears the region's coordinator, locking it; returns the one before. */
    Optional<String> assign(Region region, @Nullable String coordinator, String by, Instant at) {
        Optional<String> before = jdbc.sql("select coordinator from region_coordinator where region = :region for update")
                .param("region", region.name()).query(String.class).optional();
        if (coordinator == null) {
            jdbc.sql("delete from region_coordinator where region = :region").param("region", region.name()).update();
        } else {
            jdbc.sql("""
                    insert into region_coordinator (region, coordinator, changed_by, changed_at)
                    values (:region, :coordinator, :by, :at)
                    on conflict (region) do update set coordinator = excluded.coordinator,
                        changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                    .param("region", region.name()).param("coordinator", coordinator).param("by", by)
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        }
        return before;
    }
}
