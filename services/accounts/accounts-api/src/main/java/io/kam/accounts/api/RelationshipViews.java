package io.kam.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of relationship management: SWOT, purchase heat, the relationship wall and important dates. */
public final class RelationshipViews {

    private RelationshipViews() {
    }

    /** An account's SWOT analysis (S.W.O.T 分析), each list in the order the points were added. */
    public record SwotView(UUID accountId, List<SwotPointView> strengths, List<SwotPointView> weaknesses,
                           List<SwotPointView> opportunities, List<SwotPointView> threats,
                           List<KeyPointView> keyPoints) {
    }

    /** One point; {@code basedOn} is empty except for a key point. */
    public record SwotPointView(UUID id, SwotKind kind, String text, String note, List<UUID> basedOn, long version) {
    }

    /**
     * An action key point (行动关键点) in the SWOT view, with the points it draws on. Kept apart from
     * {@link SwotPointView} so that what the business plan does about it (its action items) can join it here.
     */
    public record KeyPointView(UUID id, SwotKind kind, String text, String note, List<UUID> basedOn, long version,
                               List<PlanViews.LinkedActionItem> actionItems) {
    }

    /**
     * An account's purchase heat (购买热度): the latest assessment, the trend the history shows, the factors the
     * latest rated lowest (where to work next), and every assessment, newest first. Before the first assessment
     * {@code current} and {@code trend} are null and the lists empty.
     */
    public record HeatView(UUID accountId, HeatAssessmentView current, HeatTrend trend, List<HeatFactor> focus,
                           List<HeatAssessmentView> history) {
    }

    /** One assessment: the score (0–100) is the sum of the five ratings, listed in factor order. */
    public record HeatAssessmentView(UUID id, int score, List<RatingView> factors, String assessedBy,
                                     Instant assessedAt) {
    }

    public record RatingView(HeatFactor factor, int rating, String note) {
    }

    /** The relationship wall (围墙准则): every department at every level, in enum order. */
    public record WallView(UUID accountId, List<WallCellView> cells, WallFindings weakWall) {
    }

    /**
     * The weak-wall findings (围墙准则): for each department the plan depends on, weak ties (best strength 1 or lower)
     * and silence (no contact within {@code maxDaysWithoutContact}).
     *
     * @param planYear  the year of the approved plan whose departments are watched; null when there is none, and then
     *                  there are no findings
     * @param dependsOn the departments that plan depends on
     */
    public record WallFindings(Integer planYear, List<Department> dependsOn, int maxDaysWithoutContact,
                               List<RelationshipWall.Finding> findings) {
    }

    /** One cell; a cell never assessed has null strength, change and version. */
    public record WallCellView(Department department, WallLevel level, Integer strength, LocalDate lastContact,
                               String note, String changedBy, Instant changedAt, Long version) {
    }

    /** An important date; {@code contactId} and {@code contactName} are set for a birthday only. */
    public record ImportantDateView(UUID id, UUID accountId, ImportantDateType type, LocalDate date, UUID contactId,
                                    String contactName, String title, String note, long version) {
    }

    /**
     * An upcoming important date: its next anniversary, in how many days, and how many years it will be then
     * (the 15th anniversary of our cooperation, a contact's 45th birthday).
     */
    public record Reminder(UUID accountId, String accountName, UUID dateId, ImportantDateType type, String title,
                           UUID contactId, String contactName, LocalDate date, LocalDate nextOccurrence,
                           long daysUntil, int yearsSince) {
    }
}
