package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;

/** Response bodies of visits and commitments. */
public final class VisitViews {

    private VisitViews() {
    }

    /**
     * A visit with its preparation, log and commitments.
     *
     * @param storeCode    the store's code; null for a head-office visit
     * @param coordinator  who is to make it; null while the region has no coordinator
     * @param preparation  null until the visit is prepared
     * @param log          null until the visit is logged
     * @param storeCheckId the store check recorded at the visit, if any
     * @param tripId       the trip (proposed, agreed or reported) the visit is on, if any
     * @param version      also the ETag, for If-Match on changes
     */
    public record VisitView(UUID id, UUID accountId, String accountName, UUID storeId, String storeCode, Region region,
                            String coordinator, VisitOrigin origin, VisitType type, VisitPurpose purpose,
                            VisitStatus status, LocalDate dueDate, LocalDate plannedDate, TimeSlot slot,
                            Instant logDeadline, PreparationView preparation, LogView log,
                            List<CommitmentView> commitments, UUID storeCheckId, UUID tripId, UUID previousVisitId,
                            long version) {
    }

    /**
     * A visit in a listing: where it stands, without its preparation and log.
     *
     * @param promotionsStarting the agreed promotions of its store whose in-store period starts in the week (Monday to
     *                           Sunday, market calendar) of its planned day, by first day; empty for a head-office visit
     */
    public record VisitSummary(UUID id, UUID accountId, String accountName, UUID storeId, String storeCode,
                               Region region, String coordinator, VisitOrigin origin, VisitType type,
                               VisitPurpose purpose, VisitStatus status, LocalDate dueDate, LocalDate plannedDate,
                               TimeSlot slot, Instant logDeadline, boolean late, boolean prepared, UUID tripId,
                               List<ExecutionViews.PromotionMark> promotionsStarting) {

        /** The same visit, marked with these promotions. */
        public VisitSummary marked(List<ExecutionViews.PromotionMark> promotions) {
            return new VisitSummary(id, accountId, accountName, storeId, storeCode, region, coordinator, origin, type,
                    purpose, status, dueDate, plannedDate, slot, logDeadline, late, prepared, tripId, List.copyOf(promotions));
        }
    }

    public record PreparationView(String objective, String place, boolean confirmedByPhone, List<Material> materials,
                                  Contact contact, String preparedBy, Instant preparedAt) {
    }

    public record LogView(String loggedBy, Instant completedAt, boolean late, String lateReason, MustDiscuss discussed,
                          MustGo wentTo, VisitOutcome outcome, String outcomeNote, List<FollowUp> followUps,
                          UUID nextVisitId) {
    }

    public record CommitmentView(UUID id, UUID visitId, UUID accountId, UUID storeId, Region region,
                                 CommitmentType type, String description, CommitmentStatus status, boolean promise,
                                 String madeBy, Instant madeAt, String decidedBy, Instant decidedAt,
                                 String decisionNote, long version, BigDecimal discountPercent, BigDecimal amount,
                                 Long units, CommitmentLimit allowedBy, LimitExceeded exceeded) {
    }

    /**
     * The limits a coordinator's commitments at the account are checked against on {@code date}: the terms of the
     * agreement version in force that limit a commitment type, and what the promotions agreed with the retailer and in
     * store that day allow. Nothing of the negotiation behind them.
     */
    public record CommitmentLimitsView(UUID accountId, LocalDate date, List<CommitmentLimit> limits) {
    }
}
