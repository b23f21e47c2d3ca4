package io.kam.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.events.EventType;

/**
 * The events of relationship management: SWOT, purchase heat, the relationship wall and important dates. Published
 * with the other account events on {@code kam.accounts.v1}, keyed by account id.
 */
public final class RelationshipEvents {

    private RelationshipEvents() {
    }

    /** A SWOT point or action key point; {@code basedOn} lists the SWOT points a key point draws on. */
    @EventType("kam.swot.point-added")
    public record SwotPointAdded(UUID accountId, UUID pointId, SwotKind kind, String text, String note,
                                 List<UUID> basedOn) implements AccountEvent {
    }

    @EventType("kam.swot.point-changed")
    public record SwotPointChanged(UUID accountId, UUID pointId, SwotKind kind, String text, String note,
                                   List<UUID> basedOn) implements AccountEvent {
    }

    @EventType("kam.swot.point-removed")
    public record SwotPointRemoved(UUID accountId, UUID pointId, SwotKind kind) implements AccountEvent {
    }

    /** One factor's rating, from 0 to {@link HeatFactor#MAX_RATING}, with the reason for it. */
    public record FactorRating(HeatFactor factor, int rating, String note) {
    }

    /**
     * Purchase heat was assessed: the score (0–100, the sum of the five ratings), the ratings, and the trend the
     * account's history now shows.
     */
    @EventType("kam.account.heat-assessed")
    public record HeatAssessed(UUID accountId, UUID assessmentId, int score, List<FactorRating> factors,
                               Integer previousScore, HeatTrend trend, String assessedBy, Instant assessedAt)
            implements AccountEvent {
    }

    /** One cell of the relationship wall changed: a department at a level, its strength (0–5) and last contact. */
    @EventType("kam.account.wall-changed")
    public record WallChanged(UUID accountId, Department department, WallLevel level, int strength,
                              LocalDate lastContact, String note, Integer previousStrength, String changedBy,
                              Instant changedAt) implements AccountEvent {
    }

    /**
     * An important date: a contact's birthday ({@code contactId} set), or the company's or our cooperation's
     * anniversary. {@code date} is the original date; reminders fall on its anniversaries.
     */
    @EventType("kam.account.date-added")
    public record ImportantDateAdded(UUID accountId, UUID dateId, ImportantDateType type, LocalDate date,
                                     UUID contactId, String title, String note) implements AccountEvent {
    }

    @EventType("kam.account.date-changed")
    public record ImportantDateChanged(UUID accountId, UUID dateId, ImportantDateType type, LocalDate date,
                                       UUID contactId, String title, String note) implements AccountEvent {
    }

    @EventType("kam.account.date-removed")
    public record ImportantDateRemoved(UUID accountId, UUID dateId, ImportantDateType type) implements AccountEvent {
    }
}
