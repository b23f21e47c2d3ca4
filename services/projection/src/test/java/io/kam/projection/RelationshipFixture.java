package io.kam.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.RelationshipEvents.FactorRating;
import io.kam.accounts.api.RelationshipEvents.HeatAssessed;
import io.kam.accounts.api.RelationshipEvents.SwotPointAdded;
import io.kam.accounts.api.RelationshipEvents.WallChanged;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.api.WallLevel;

/** Relationship events as the accounts service would publish them: heat assessments, wall changes, SWOT points. */
public final class RelationshipFixture {

    private RelationshipFixture() {
    }

    /**
     * An assessment by Nora scoring {@code score}: product use carries what the other four factors (10 each) leave.
     * The trend it carries is deliberately STABLE: the projection computes its own over the history it holds.
     */
    public static HeatAssessed heatAssessed(UUID accountId, int score, Instant at) {
        List<FactorRating> factors = List.of(
                new FactorRating(HeatFactor.PRODUCT_USE, score - 40, "Lists most of our range"),
                new FactorRating(HeatFactor.DEALINGS, 10, "Pays on time"),
                new FactorRating(HeatFactor.EVENT_ATTENDANCE, 10, "Came to the spring fair"),
                new FactorRating(HeatFactor.BRAND_REGARD, 10, "Neutral"),
                new FactorRating(HeatFactor.REPRESENTATIVE_VIEW, 10, "Knows Nora"));
        return new HeatAssessed(accountId, UUID.randomUUID(), score, factors, null, HeatTrend.STABLE, "nora", at);
    }

    public static WallChanged wallChanged(UUID accountId, Department department, WallLevel level, int strength,
                                          LocalDate lastContact, Instant at) {
        return new WallChanged(accountId, department, level, strength, lastContact, "met at the store", null, "nora", at);
    }

    public static SwotPointAdded aSwotPoint(UUID accountId, SwotKind kind, String text) {
        return new SwotPointAdded(accountId, UUID.randomUUID(), kind, text, null, List.of());
    }
}
