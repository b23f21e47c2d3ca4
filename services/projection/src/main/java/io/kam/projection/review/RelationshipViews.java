package io.kam.projection.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.WallLevel;

/** The relationship sections of the review: purchase heat, the relationship wall and the SWOT counts. */
final class RelationshipViews {

    private RelationshipViews() {
    }

    /**
     * The latest purchase-heat (购买热度) assessment.
     *
     * @param trend   computed over the whole projected history ({@link HeatTrend#of})
     * @param history every assessment, oldest first
     */
    record Heat(int score, HeatTrend trend, List<Factor> factors, @Nullable String assessedBy, Instant assessedAt,
                List<Point> history) {
    }

    record Factor(HeatFactor factor, int rating, @Nullable String note) {
    }

    record Point(int score, Instant assessedAt) {
    }

    /**
     * The relationship wall (围墙准则).
     *
     * @param cells    the assessed cells, by department and level
     * @param findings the weak spots among the departments the shown plan depends on; none without a plan
     */
    record Wall(List<Cell> cells, List<Finding> findings) {
    }

    record Cell(Department department, WallLevel level, int strength, @Nullable LocalDate lastContact) {
    }

    /** @param daysSinceContact null when nobody in the department was ever contacted */
    record Finding(Department department, RelationshipWall.Reason reason, int strength, @Nullable LocalDate lastContact,
                   @Nullable Long daysSinceContact) {

        static Finding of(RelationshipWall.Finding f) {
            return new Finding(f.department(), f.reason(), f.strength(), f.lastContact(), f.daysSinceContact());
        }
    }

    /** How many SWOT points of each kind, and how many action key points (行动关键点), the account has. */
    record Swot(long strengths, long weaknesses, long opportunities, long threats, long keyPoints) {
    }
}
