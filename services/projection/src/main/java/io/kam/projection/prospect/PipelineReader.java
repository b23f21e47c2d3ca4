package io.kam.projection.prospect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.prospect.PipelineViews.Conversion;
import io.kam.projection.prospect.PipelineViews.Pipeline;
import io.kam.projection.prospect.PipelineViews.TimeInStage;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;

/**
 * Reads the pipeline from one snapshot of the tables: counts and rates from the prospects grouped by current stage,
 * region and source; time in stage from the stays. Nothing is stored pre-counted.
 */
@Component
class PipelineReader {

    /**
     * The prospects that pass the filters, each with its current stage (its stay that has not ended); the day a
     * prospect was identified is its day in the market.
     */
    private static final String FILTERED = """
            with filtered as (
                select p.prospect_id, p.region, p.source, s.stage
                from prospect p join prospect_stage_stay s on s.prospect_id = p.prospect_id and s.left_at is null
                where (cast(:region as text) is null or p.region = :region)
                  and (cast(:from as date) is null or (p.identified_at at time zone '%1$s')::date >= :from)
                  and (cast(:to as date) is null or (p.identified_at at time zone '%1$s')::date <= :to))
            """.formatted(MarketCalendar.ZONE_NAME);

    private static final String DAYS = "extract(epoch from s.left_at - s.entered_at) / 86400.0";

    private final JdbcClient jdbc;
    private final Clock clock;

    PipelineReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Filter(@Nullable Region region, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Pipeline read(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("region", filter.region() == null ? null : filter.region().name());
        params.put("from", filter.from());
        params.put("to", filter.to());
        List<Group> groups = jdbc.sql(FILTERED + """
                        select stage, region, source, count(*) as prospects from filtered group by stage, region, source""")
                .params(params).query(PipelineReader::group).list();

        Map<ProspectStage, Long> byStage = zeros(ProspectStage.class);
        Map<Region, Long> byRegion = zeros(Region.class);
        Map<ProspectSource, Long> bySource = zeros(ProspectSource.class);
        Tally overall = new Tally();
        Map<Region, Tally> closedByRegion = tallies(Region.class);
        Map<ProspectSource, Tally> closedBySource = tallies(ProspectSource.class);
        for (Group g : groups) {
            byStage.merge(g.stage(), g.count(), Long::sum);
            overall.add(g);
            if (g.region() != null) {
                byRegion.merge(g.region(), g.count(), Long::sum);
                closedByRegion.get(g.region()).add(g);
            }
            if (g.source() != null) {
                bySource.merge(g.source(), g.count(), Long::sum);
                closedBySource.get(g.source()).add(g);
            }
        }
        return new Pipeline(filter.region(), filter.from(), filter.to(),
                byStage.values().stream().mapToLong(Long::longValue).sum(), byStage, byRegion, bySource,
                overall.conversion(), conversions(closedByRegion, Region.class),
                conversions(closedBySource, ProspectSource.class), timeInStage(params));
    }

    private Map<ProspectStage, TimeInStage> timeInStage(Map<String, Object> params) {
        Map<ProspectStage, TimeInStage> stages = new EnumMap<>(ProspectStage.class);
        for (ProspectStage stage : ProspectStage.values()) {
            stages.put(stage, new TimeInStage(0, null, null, 0, null));
        }
        Map<String, Object> withNow = new HashMap<>(params);
        withNow.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        jdbc.sql(FILTERED + """
                        select s.stage,
                               count(*) filter (where s.left_at is not null) as left_count,
                               avg(%1$s) filter (where s.left_at is not null) as average_days,
                               percentile_cont(0.5) within group (order by cast(%1$s as double precision))
                                   filter (where s.left_at is not null) as median_days,
                               count(*) filter (where s.left_at is null) as current_count,
                               avg(extract(epoch from cast(:now as timestamptz) - s.entered_at) / 86400.0)
                                   filter (where s.left_at is null) as average_age_days
                        from prospect_stage_stay s join filtered f on f.prospect_id = s.prospect_id
                        group by s.stage""".formatted(DAYS))
                .params(withNow)
                .query((ResultSet rs) -> {
                    stages.put(ProspectStage.valueOf(rs.getString("stage")), new TimeInStage(rs.getLong("left_count"),
                            days(rs, "average_days"), days(rs, "median_days"), rs.getLong("current_count"),
                            days(rs, "average_age_days")));
                });
        return stages;
    }

    private static @Nullable BigDecimal days(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        return new Group(ProspectStage.valueOf(rs.getString("stage")), named(rs.getString("region"), Region::valueOf),
                named(rs.getString("source"), ProspectSource::valueOf), rs.getLong("prospects"));
    }

    private static <E> @Nullable E named(@Nullable String value, Function<String, E> valueOf) {
        return value == null ? null : valueOf.apply(value);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            counts.put(constant, 0L);
        }
        return counts;
    }

    private static <E extends Enum<E>> Map<E, Tally> tallies(Class<E> type) {
        Map<E, Tally> tallies = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            tallies.put(constant, new Tally());
        }
        return tallies;
    }

    private static <E extends Enum<E>> Map<E, Conversion> conversions(Map<E, Tally> tallies, Class<E> type) {
        Map<E, Conversion> conversions = new EnumMap<>(type);
        tallies.forEach((key, tally) -> conversions.put(key, tally.conversion()));
        return conversions;
    }

    private record Group(ProspectStage stage, @Nullable Region region, @Nullable ProspectSource source, long count) {
    }

    /** Closed prospects of one group: converted and dropped. */
    private static final class Tally {
        private long converted;
        private long dropped;

        void add(Group g) {
            if (g.stage() == ProspectStage.CONVERTED) {
                converted += g.count();
            } else if (g.stage() == ProspectStage.DROPPED) {
                dropped += g.count();
            }
        }

        Conversion conversion() {
            long closed = converted + dropped;
            return new Conversion(converted, dropped, closed == 0 ? null
                    : BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(closed), 3, RoundingMode.HALF_UP));
        }
    }
}
