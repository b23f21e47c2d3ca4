package io.kam.visits.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.visits.api.SettingViews.StandardView;
import io.kam.visits.api.VisitFrequency;

/**
 * The visit frequency standards (拜访频率的标准): for each account tier and store format, how often its stores are
 * visited. A pair without a standard plans no visits. The service starts with defaults (see {@code V1__visits.sql})
 * that national KA managers change.
 */
@Component
class Standards {

    private final JdbcClient jdbc;

    Standards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StandardView> all() {
        return jdbc.sql("select tier, format, frequency, changed_by, changed_at from visit_standard order by tier, format")
                .query((rs, n) -> new StandardView(ValueTier.valueOf(rs.getString(1)), RetailFormat.valueOf(rs.getString(2)),
                        VisitFrequency.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    Map<ValueTier, Map<RetailFormat, VisitFrequency>> byTier() {
        Map<ValueTier, Map<RetailFormat, VisitFrequency>> standards = new EnumMap<>(ValueTier.class);
        all().forEach(s -> standards.computeIfAbsent(s.tier(), t -> new EnumMap<>(RetailFormat.class))
                .put(s.format(), s.frequency()));
        return standards;
    }

    /** Sets the standard, locking it for the rest of the transaction; returns the one before. */
    Optional<VisitFrequency> set(ValueTier tier, RetailFormat format, VisitFrequency frequency, String by, Instant at) {
        Optional<VisitFrequency> before = locked(tier, format);
        jdbc.sql("""
                insert into visit_standard (tier, format, frequency, changed_by, changed_at)
                values (:tier, :format, :frequency, :by, :at)
                on conflict (tier, format) do update set frequency = excluded.frequency,
                    changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .param("tier", tier.name()).param("format", format.name()).param("frequency", frequency.name())
                .param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        return before;
    }

    /** Removes the standard; returns the one before. */
    Optional<VisitFrequency> remove(ValueTier tier, RetailFormat format) {
        Optional<VisitFrequency> before = locked(tier, format);
        jdbc.sql("delete from visit_standard where tier = :tier and format = :format")
                .param("tier", tier.name()).param("format", format.name()).update();
        return before;
    }

    private Optional<VisitFrequency> locked(ValueTier tier, RetailFormat format) {
        return jdbc.sql("select frequency from visit_standard where tier = :tier and format = :format for update")
                .param("tier", tier.name()).param("format", format.name())
                .query(String.class).optional().map(VisitFrequency::valueOf);
    }
}
