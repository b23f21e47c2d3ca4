package io.kam.projection.review;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.ValueTier;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A classification or stage change, keyed by the event that reported it. */
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
        @Nullable String evidence) {

    /** What changed. */
    enum Kind {
        CLASSIFICATION, STAGE
    }

    static TimelineRow of(UUID eventId, AccountClassified e) {
        return new TimelineRow(eventId, e.accountId(), Kind.CLASSIFICATION, e.classifiedAt(), e.classifiedBy(),
                e.previousTier(), e.tier(), e.previousRole(), e.role(), null, null, e.reason(), null);
    }

    static TimelineRow of(UUID eventId, AccountStageChanged e) {
        return new TimelineRow(eventId, e.accountId(), Kind.STAGE, e.changedAt(), e.changedBy(),
                null, null, null, null, e.from(), e.to(), e.reason(), e.evidence());
    }
}
