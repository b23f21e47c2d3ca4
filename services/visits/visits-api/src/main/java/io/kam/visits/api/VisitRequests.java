package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of visits: planning, preparing, logging, deciding on commitments. */
public final class VisitRequests {

    private VisitRequests() {
    }

    /**
     * Plans a visit outside the schedule: to a store of the region, or, without a store, to the account's head office.
     *
     * @param storeId     the store; null for a head-office visit, which then names the account
     * @param accountId   the account of a head-office visit; for a store visit it may be left out
     * @param purpose     null for the type's default purpose
     * @param coordinator who makes the visit; null for the caller if a coordinator, else the region's coordinator
     */
    public record PlanVisit(
            @NotNull Region region,
            UUID storeId,
            UUID accountId,
            @NotNull VisitType type,
            VisitPurpose purpose,
            @NotNull LocalDate plannedDate,
            @NotNull TimeSlot slot,
            @Size(max = 64) String coordinator) {
    }

    /**
     * Prepares a visit (三准备): the objective, the appointment (day, slot, place, whether confirmed by phone), the
     * material to bring and the contact. A scheduled visit may move within the week it is due.
     */
    public record PrepareVisit(
            @NotNull VisitType type,
            VisitPurpose purpose,
            @NotBlank @Size(max = 1000) String objective,
            @NotNull LocalDate plannedDate,
            @NotNull TimeSlot slot,
            @Size(max = 200) String place,
            boolean confirmedByPhone,
            @Size(max = 5) List<@NotNull Material> materials,
            @Valid Contact contact) {
    }

    /**
     * The visit's log: the three must-discuss points (三必谈) and three must-go places (三必到), each recorded or
     * marked not applicable with a reason; the outcome and next step; the commitments made. After the deadline the
     * log needs {@code lateReason}.
     */
    public record LogVisit(
            @Valid MustDiscuss discussed,
            @Valid MustGo wentTo,
            @NotNull VisitOutcome outcome,
            @Size(max = 2000) String outcomeNote,
            @Valid NextAppointment nextAppointment,
            @Size(max = 20) List<@NotNull @Valid FollowUp> followUps,
            @Size(max = 20) List<@NotNull @Valid CommitmentMade> commitments,
            @Size(max = 500) String lateReason) {
    }

    /**
     * The next appointment agreed at the visit, on a later day; it is planned as an ad-hoc visit of its own, a second
     * visit after a first one, by the same coordinator.
     */
    public record NextAppointment(@NotNull LocalDate date, @NotNull TimeSlot slot) {
    }

    /**
     * A commitment made to the customer at the visit, with its amount when it has one, in the unit of its type
     * ({@link CommitmentType#unit()}): {@code discountPercent} (more than 0, at most 100, two decimals) for a price
     * discount or returns, {@code amount} in yuan (more than 0, at most 10,000,000, two decimals) for a fee or support,
     * {@code units} (1 to 100,000) for free goods; at most one, and none for delivery, training or POS material.
     */
    public record CommitmentMade(@NotNull CommitmentType type, @NotBlank @Size(max = 1000) String description,
                                 @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                                 @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
                                 @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000")
                                 @Digits(integer = 8, fraction = 2) BigDecimal amount,
                                 @Min(1) @Max(100_000) Long units) {

        /** A commitment without an amount. */
        public CommitmentMade(CommitmentType type, String description) {
            this(type, description, null, null, null);
        }
    }

    /** A national KA manager approves a flagged commitment. */
    public record ApproveCommitment(@Size(max = 1000) String note) {
    }

    /** A national KA manager rejects a flagged commitment, saying why. */
    public record RejectCommitment(@NotBlank @Size(max = 1000) String reason) {
    }
}
