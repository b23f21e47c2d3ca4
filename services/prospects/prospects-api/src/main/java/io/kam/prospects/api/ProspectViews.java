package io.kam.prospects.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.prospects.api.ProspectEvents.CriterionScore;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;

/** Response bodies of the prospects API. */
public final class ProspectViews {

    private ProspectViews() {
    }

    /** The latest score: the total, whether it qualifies, the target class, and each criterion's part. */
    public record ScoreView(BigDecimal score, BigDecimal qualifyingScore, boolean qualifies, TargetClass targetClass,
                            int criteriaVersion, List<CriterionScore> breakdown, ProspectEvents.ScoreCause cause,
                            Instant scoredAt) {
    }

    /**
     * A prospect. {@code accountId} is the account it becomes when converted; {@code accountOpened} says the
     * accounts service has opened it.
     */
    public record ProspectView(UUID id, UUID accountId, ProspectDetails details, ProspectStage stage,
                               Instant stageEnteredAt, String nextAction, LocalDate nextActionDue,
                               Map<String, Integer> ratings, ScoreView score, DropReason dropReason, String dropNote,
                               String convertedBy, Instant convertedAt, String overrideReason, boolean accountOpened,
                               String identifiedBy, Instant identifiedAt, long version) {
    }

    /** One line of the ranked list: what to do next, best targets first. */
    public record RankedProspect(int rank, UUID id, String companyName, Region region, ProspectStage stage,
                                 BigDecimal score, boolean qualifies, TargetClass targetClass,
                                 CompetitorLoyalty competitorLoyalty, String nextAction, LocalDate nextActionDue,
                                 String owner) {
    }

    /** A cell of the primary/secondary target matrix: qualifies or not × competitor loyalty. */
    public record MatrixCell(boolean qualifies, String competitorLoyalty, TargetClass targetClass, long count,
                             List<UUID> prospects) {
    }

    public record TargetMatrix(Region region, Integer criteriaVersion, BigDecimal qualifyingScore,
                               List<MatrixCell> cells) {
    }

    public record CriteriaView(Region region, int version, List<ProspectEvents.Criterion> criteria,
                               BigDecimal qualifyingScore, String definedBy, Instant definedAt) {
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
