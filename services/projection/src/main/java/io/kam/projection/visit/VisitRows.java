package io.kam.projection.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.visits.api.VisitOrigin;
import io.kam.visits.api.VisitStatus;

/**
 * The visit rows. A visit's status only moves forward (planned, missed, cancelled, completed): a late log still
 * completes a missed visit, a closing store cancels a missed one, and nothing follows a completed one; so an event
 * applied again, or published again under a new id, cannot move a visit back. Its day and log deadline are those of
 * the latest event, by its own time, that names them.
 */
@Component
class VisitRows {

    private static final String RANK = "array_position(array['PLANNED','MISSED','CANCELLED','COMPLETED'], %s)";

    private final JdbcClient jdbc;

    VisitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure the visit is known, as planned, if no event of it was seen before. */
    void know(UUID visitId, UUID accountId, @Nullable UUID storeId, Region region) {
        jdbc.sql("""
                        insert into visit (visit_id, account_id, store_id, region, status)
                        values (:visitId, :accountId, :storeId, :region, 'PLANNED')
                        on conflict (visit_id) do nothing""")
                .param("visitId", visitId).param("accountId", accountId).param("storeId", storeId)
                .param("region", region.name()).update();
    }

    /** Where the visit came from; the schedule's visits are the ones the standards ask for. */
    void origin(UUID visitId, VisitOrigin origin) {
        jdbc.sql("update visit set origin = :origin where visit_id = :visitId")
                .param("origin", origin.name()).param("visitId", visitId).update();
    }

    /** The visit's day, and its log deadline when the event names one, as of {@code at}, unless later ones are known. */
    void scheduled(UUID visitId, LocalDate plannedDate, @Nullable Instant logDeadline, Instant at) {
        jdbc.sql("""
                        update visit set planned_date = :plannedDate,
                                         log_deadline = coalesce(cast(:logDeadline as timestamptz), log_deadline),
                                         planned_at = :at
                        where visit_id = :visitId and (planned_at is null or planned_at <= :at)""")
                .param("plannedDate", plannedDate).param("logDeadline", utc(logDeadline)).param("at", utc(at))
                .param("visitId", visitId).update();
    }

    /** The visit moved on to the status, unless it was there or beyond already. */
    void moved(UUID visitId, VisitStatus status, boolean late, @Nullable Instant completedAt) {
        jdbc.sql("""
                        update visit set status = :status, late = :late, completed_at = :completedAt
                        where visit_id = :visitId and %s > %s"""
                        .formatted(RANK.formatted("cast(:status as text)"), RANK.formatted("status")))
                .param("status", status.name()).param("late", late).param("completedAt", utc(completedAt))
                .param("visitId", visitId).update();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
