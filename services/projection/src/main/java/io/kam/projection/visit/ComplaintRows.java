package io.kam.projection.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.ResolutionKind;

/**
 * The complaint rows. A complaint's status only moves forward (open, investigating, then resolved or closed, both
 * final), so an event applied again, or published again under a new id, cannot move it back.
 */
@Component
class ComplaintRows {

    private static final String RANK = "case %s when 'OPEN' then 0 when 'INVESTIGATING' then 1 else 2 end";

    private final JdbcClient jdbc;

    ComplaintRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The complaint was opened at {@code at}: the earliest opening seen counts. */
    void opened(UUID complaintId, UUID accountId, @Nullable UUID storeId, Region region, ComplaintType type,
                Instant at) {
        know(complaintId, accountId, storeId, region);
        jdbc.sql("""
                        update complaint set type = :type, opened_at = least(opened_at, :at)
                        where complaint_id = :complaintId""")
                .param("type", type.name()).param("at", at.atOffset(ZoneOffset.UTC)).param("complaintId", complaintId)
                .update();
    }

    /** Makes sure the complaint is known, as open, if no event of it was seen before. */
    void know(UUID complaintId, UUID accountId, @Nullable UUID storeId, Region region) {
        jdbc.sql("""
                        insert into complaint (complaint_id, account_id, store_id, region, status)
                        values (:complaintId, :accountId, :storeId, :region, 'OPEN')
                        on conflict (complaint_id) do nothing""")
                .param("complaintId", complaintId).param("accountId", accountId).param("storeId", storeId)
                .param("region", region.name()).update();
    }

    /** The complaint moved on to the status, with its resolution if it was resolved, unless it was there already. */
    void moved(UUID complaintId, ComplaintStatus status, @Nullable ResolutionKind resolution,
               @Nullable LocalDate promisedDate) {
        jdbc.sql("""
                        update complaint set status = :status, resolution = :resolution, promised_date = :promisedDate
                        where complaint_id = :complaintId and %s > %s"""
                        .formatted(RANK.formatted("cast(:status as text)"), RANK.formatted("status")))
                .param("status", status.name()).param("resolution", resolution == null ? null : resolution.name())
                .param("promisedDate", promisedDate).param("complaintId", complaintId).update();
    }

    /** The promise was kept on the day; the first day recorded stays. */
    void promiseKept(UUID complaintId, LocalDate promisedDate, LocalDate keptOn) {
        jdbc.sql("""
                        update complaint set promise_kept_on = coalesce(promise_kept_on, :keptOn),
                                             promised_date = coalesce(promised_date, :promisedDate)
                        where complaint_id = :complaintId""")
                .param("keptOn", keptOn).param("promisedDate", promisedDate).param("complaintId", complaintId).update();
    }
}
