package io.kam.visits.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.visits.api.ExecutionViews.PromotionMark;
import io.kam.visits.api.Page;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitOrigin;
import io.kam.visits.api.VisitPurpose;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.api.VisitType;
import io.kam.visits.api.VisitViews.LogView;
import io.kam.visits.api.VisitViews.VisitSummary;
import io.kam.visits.api.VisitViews.VisitView;
import io.kam.visits.commitment.Commitment;
import io.kam.visits.commitment.CommitmentRepository;
import io.kam.visits.promotion.StorePromotions;

/**
 * Reads visits: one with everything recorded about it, or a page of them, the coordinator's schedule, each store visit
 * marked with the promotions of its store that start in its week.
 */
@Component
public class VisitQueries {

    private static final String SUMMARY = """
            select v.*, a.name as account_name, s.code as store_code, p.visit_id is not null as prepared, tv.trip_id
            from visit v
            left join account_replica a on a.account_id = v.account_id
            left join store_replica s on s.store_id = v.store_id
            left join visit_preparation p on p.visit_id = v.id
            left join trip_visit tv on tv.visit_id = v.id and tv.active
            """;
    private static final String FILTER = """
            where (cast(:region as text) is null or v.region = :region)
              and (cast(:coordinator as text) is null or v.coordinator = :coordinator)
              and (not :unassigned or v.coordinator is null)
              and (cast(:accountId as uuid) is null or v.account_id = :accountId)
              and (cast(:storeId as uuid) is null or v.store_id = :storeId)
              and (cast(:status as text) is null or v.status = :status)
              and v.planned_date between :from and :to
            """;

    private final JdbcClient jdbc;
    private final VisitRepository visits;
    private final VisitRows.Preparations preparations;
    private final VisitRows.Logs logs;
    private final VisitRows.FollowUps followUps;
    private final CommitmentRepository commitments;
    private final StorePromotions promotions;

    VisitQueries(JdbcClient jdbc, VisitRepository visits, VisitRows.Preparations preparations, VisitRows.Logs logs,
                 VisitRows.FollowUps followUps, CommitmentRepository commitments, StorePromotions promotions) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.preparations = preparations;
        this.logs = logs;
        this.followUps = followUps;
        this.commitments = commitments;
        this.promotions = promotions;
    }

    /** A search's filters; null means any. {@code unassigned} asks for visits without a coordinator. */
    public record Filter(@Nullable Region region, @Nullable String coordinator, boolean unassigned,
                         @Nullable UUID accountId, @Nullable UUID storeId, @Nullable VisitStatus status,
                         LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public VisitView view(Visit visit) {
        UUID id = visit.id();
        var summary = jdbc.sql(SUMMARY + " where v.id = :id").param("id", id).query(VisitQueries::summary).single();
        var log = logs.findById(id).map(l -> new LogView(l.loggedBy(), visit.completedAt(), l.late(), l.lateReason(),
                l.discussed(), l.wentTo(), l.outcome(), l.outcomeNote(),
                followUps.findByVisitIdOrderByPosition(id).stream().map(FollowUpRow::followUp).toList(),
                l.nextVisitId())).orElse(null);
        UUID check = jdbc.sql("select id from store_check where visit_id = :id").param("id", id)
                .query(UUID.class).optional().orElse(null);
        return new VisitView(id, visit.accountId(), summary.accountName(), visit.storeId(), summary.storeCode(),
                visit.region(), visit.coordinator(), visit.origin(), visit.type(), visit.purpose(), visit.status(),
                visit.dueDate(), visit.plannedDate(), visit.slot(), visit.logDeadline(),
                preparations.findById(id).map(VisitPreparation::view).orElse(null), log,
                commitments.findByVisitIdOrderByMadeAt(id).stream().map(Commitment::view).toList(), check,
                summary.tripId(), visit.previousVisitId(), visit.version() == null ? 0 : visit.version());
    }

    public Optional<Visit> find(UUID id) {
        return visits.findById(id);
    }

    /** Visits by planned day and slot. */
    @Transactional(readOnly = true)
    public Page<VisitSummary> search(Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("region", filter.region() == null ? null : filter.region().name());
        params.put("coordinator", filter.coordinator());
        params.put("unassigned", filter.unassigned());
        params.put("accountId", filter.accountId());
        params.put("storeId", filter.storeId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("from", filter.from());
        params.put("to", filter.to());
        var items = jdbc.sql(SUMMARY + FILTER + """
                        order by v.planned_date,
                          case v.slot when 'BEFORE_OPENING' then 0 when 'TRADING_HOURS' then 1 else 2 end, v.id
                        limit :limit offset :offset""")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(VisitQueries::summary).list();
        long total = jdbc.sql("select count(*) from visit v " + FILTER).params(params).query(Long.class).single();
        return Page.of(marked(items), page, size, total);
    }

    /**
     * Marks each store visit with the agreed promotions of its store that start in the visit's week, Monday to
     * Sunday: the visits of this week show what starts this week, so the coordinator checks that it is set up.
     */
    private List<VisitSummary> marked(List<VisitSummary> items) {
        List<VisitSummary> storeVisits = items.stream().filter(v -> v.storeId() != null).toList();
        if (storeVisits.isEmpty()) {
            return items;
        }
        LocalDate from = storeVisits.stream().map(v -> monday(v.plannedDate())).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = storeVisits.stream().map(v -> monday(v.plannedDate()).plusDays(6)).max(LocalDate::compareTo).orElseThrow();
        Map<UUID, List<StorePromotions.Starting>> byStore = promotions.startingBetween(
                        storeVisits.stream().map(VisitSummary::storeId).collect(Collectors.toSet()), from, to)
                .stream().collect(Collectors.groupingBy(StorePromotions.Starting::storeId));
        return items.stream().map(v -> {
            if (v.storeId() == null) {
                return v;
            }
            LocalDate monday = monday(v.plannedDate());
            return v.marked(byStore.getOrDefault(v.storeId(), List.of()).stream()
                    .filter(p -> !p.inStoreFrom().isBefore(monday) && !p.inStoreFrom().isAfter(monday.plusDays(6)))
                    .map(p -> new PromotionMark(p.promotionId(), p.name(), p.inStoreFrom(), p.inStoreTo())).toList());
        }).toList();
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static VisitSummary summary(ResultSet rs, int row) throws SQLException {
        return new VisitSummary(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("account_name"), rs.getObject("store_id", UUID.class), rs.getString("store_code"),
                Region.valueOf(rs.getString("region")), rs.getString("coordinator"),
                VisitOrigin.valueOf(rs.getString("origin")), VisitType.valueOf(rs.getString("type")),
                VisitPurpose.valueOf(rs.getString("purpose")), VisitStatus.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class), rs.getObject("planned_date", LocalDate.class),
                TimeSlot.valueOf(rs.getString("slot")), rs.getObject("log_deadline", OffsetDateTime.class).toInstant(),
                rs.getBoolean("late"), rs.getBoolean("prepared"), rs.getObject("trip_id", UUID.class), List.of());
    }
}
