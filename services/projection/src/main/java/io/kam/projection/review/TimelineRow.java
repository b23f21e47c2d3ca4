package io.kam.projection.review;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.PlanReturned;
import io.kam.accounts.api.PlanEvents.PlanSubmitted;
import io.kam.accounts.api.ValueTier;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A classification, stage or plan change, keyed by the event that reported it. */
@MappedEntity("review_timeline")
record TimelineRow(
        @Id UUID eventId,
        UUID accountId,
        Kind kind,
        Instant changedAt,
        @Nullable String changedBy,
        @Nullable ValueTier fromTier,
        @Nullable ValueTier toTier,
        @Nullable AccountRole fromRole,
        @Nullable AccountRole toRole,
        @Nullable DevelopmentStage fromStage,
        @Nullable DevelopmentStage toStage,
        @Nullable String reason,
        @Nullable String evidence,
        @Nullable Integer planYear,
        @Nullable Integer planVersion,
        @Nullable String comment) {

    /** What changed. */
    enum Kind {
        CLASSIFICATION, STAGE, PLAN_SUBMITTED, PLAN_APPROVED, PLAN_RETURNED
    }

    static TimelineRow of(UUID eventId, AccountClassified e) {
        return new TimelineRow(eventId, e.accountId(), Kind.CLASSIFICATION, e.classifiedAt(), e.classifiedBy(),
                e.previousTier(), e.tier(), e.previousRole(), e.role(), null, null, e.reason(), null, null, null, null);
    }

    static TimelineRow of(UUID eventId, AccountStageChanged e) {
        return new TimelineRow(eventId, e.accountId(), Kind.STAGE, e.changedAt(), e.changedBy(),
                null, null, null, null, e.from(), e.to(), e.reason(), e.evidence(), null, null, null);
    }

    static TimelineRow of(UUID eventId, PlanSubmitted e) {
        return plan(eventId, e.accountId(), Kind.PLAN_SUBMITTED, e.submittedAt(), e.submittedBy(), e.year(),
                e.version(), null);
    }

    static TimelineRow of(UUID eventId, PlanApproved e) {
        return plan(eventId, e.accountId(), Kind.PLAN_APPROVED, e.approvedAt(), e.approvedBy(), e.year(),
                e.version(), null);
    }

    static TimelineRow of(UUID eventId, PlanReturned e) {
        return plan(eventId, e.accountId(), Kind.PLAN_RETURNED, e.returnedAt(), e.returnedBy(), e.year(),
                e.version(), e.comment());
    }

    private static TimelineRow plan(UUID eventId, UUID accountId, Kind kind, Instant at, String by, int year,
                                    int version, @Nullable String comment) {
        return new TimelineRow(eventId, accountId, kind, at, by, null, null, null, null, null, null, null, null,
                year, version, comment);
    }
}
