package io.kam.visits.planning;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.visits.api.VisitFrequency;

/**
 * The frequency standards and the regions' coordinators as they stand when a re-planning starts, read once for all the
 * stores it covers.
 */
record ScheduleRules(Map<ValueTier, Map<RetailFormat, VisitFrequency>> standards, Map<Region, String> coordinators) {

    Optional<VisitFrequency> frequency(@Nullable ValueTier tier, @Nullable RetailFormat format) {
        if (tier == null || format == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(standards.getOrDefault(tier, Map.of()).get(format));
    }

    @Nullable
    String coordinator(Region region) {
        return coordinators.get(region);
    }
}
