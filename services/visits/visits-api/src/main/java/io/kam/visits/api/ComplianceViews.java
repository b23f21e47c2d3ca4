package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;

/**
 * Coverage and compliance against the visit frequency standards, per coordinator, store or account, over the visits
 * planned between two days (cancelled visits count nowhere).
 */
public final class ComplianceViews {

    private ComplianceViews() {
    }

    /** How the rows are grouped. */
    public enum Grouping {
        COORDINATOR, STORE, ACCOUNT
    }

    public record ComplianceReport(Grouping by, LocalDate from, LocalDate to, Region region, List<ComplianceRow> rows,
                                   Counts total) {
    }

    /**
     * One group's figures. Only the fields of its grouping are set: {@code coordinator} (null: unassigned visits),
     * {@code storeId} with {@code storeCode} and {@code storeName}, or {@code accountId} with {@code accountName}.
     */
    public record ComplianceRow(String coordinator, UUID storeId, String storeCode, String storeName, UUID accountId,
                                String accountName, Counts counts) {
    }

    /**
     * The figures.
     *
     * @param due            visits planned in the period: done + late + missed + open
     * @param done           logged in time
     * @param late           logged after the deadline, with a reason
     * @param missed         not logged, deadline passed
     * @param open           not logged yet, deadline still ahead
     * @param onTimeRate     done / (done + late + missed) in percent, one decimal; null while nothing was due yet
     * @param completionRate (done + late) / (done + late + missed) in percent; null likewise
     * @param storesDue      stores with a visit planned in the period
     * @param storesVisited  of those, stores with at least one visit logged
     * @param coverage       storesVisited / storesDue in percent, one decimal; null when no store was due
     */
    public record Counts(long due, long done, long late, long missed, long open, BigDecimal onTimeRate,
                         BigDecimal completionRate, long storesDue, long storesVisited, BigDecimal coverage) {
    }
}
