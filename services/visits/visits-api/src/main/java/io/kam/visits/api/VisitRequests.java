package io.kam.visits.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import jakarta.validation.Valid;
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

    /** A commitment made to the customer at the visit. */
    public record CommitmentMade(@NotNull CommitmentType type, @NotBlank @Size(max = 1000) String description) {
    }

    /** A national KA manager approves a flagged commitment. */
    public record ApproveCommitment(@Size(max = 1000) String note) {
    }

    /** A national KA manager rejects a flagged commitment, saying why. */
    public record RejectCommitment(@NotBlank @Size(max = 1000) String reason) {
    }
}
