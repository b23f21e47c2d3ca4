package io.kam.projection.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.projection.review.PlanViews.Actions;
import io.kam.projection.promotion.PromotionSection;
import io.kam.projection.prospect.Origin;
import io.kam.projection.review.PlanViews.Plan;
import io.kam.projection.review.RelationshipViews.Heat;
import io.kam.projection.review.RelationshipViews.Swot;
import io.kam.projection.review.RelationshipViews.Wall;
import io.kam.projection.sellthrough.SellThroughTotals;
import io.kam.projection.tradespend.TradeSpendSection;
import io.kam.projection.visit.Distribution;
import io.kam.projection.visit.Execution;

/** Response bodies of {@code /api/reviews}. */
final class ReviewViews {

    private ReviewViews() {
    }

    /**
     * One account's business review so far.
     *
     * @param plan          the approved plan in force for the year asked (or the latest year with one); null if none
     * @param planYears     the years that have an approved plan, in order
     * @param actions       the progress of the shown plan's action items; null when no plan is shown
     * @param heat          the latest purchase-heat assessment and the history; null when never assessed
     * @param origin        the prospect the account was converted from, with its referral chain; null when it was
     *                      not converted from a prospect
     * @param execution     visit coverage, store-check compliance, prices, out-of-stocks and complaints, for the
     *                      account and by region; null only for integrations
     * @param promotions    upcoming and running promotions with their execution, the year's agreed and evaluated
     *                      ones, its funds and its promotion spend
     * @param tradeSpend    the terms in force by canonical kind, the true trade spend % against the plan, last
     *                      year's and the chains' national average, the spend accrued to date and the last
     *                      negotiation's ledger; national KA managers only (negotiations and terms are
     *                      confidential): null for everyone else
     * @param sellThrough   this year's sell-through against last year's; null while the account has no figures
     * @param distribution  the review year's distribution (listed SKUs, stores carrying them and numeric
     *                      distribution, by SKU and by region), shelf-price index and secondary displays, against the
     *                      same span a year earlier: the figures behind the plan's distribution, price and display
     *                      actuals (rules in {@link Distribution})
     * @param asOf          when the latest event the review reflects happened
     * @param eventsApplied how many account events the review reflects
     */
    record Review(UUID accountId, Header header, Classification classification, @Nullable DevelopmentStage stage,
                  Stores stores, Contacts contacts, List<TimelineEntry> timeline, @Nullable Plan plan,
                  List<Integer> planYears, @Nullable Actions actions, @Nullable Heat heat, Wall wall, @Nullable Swot swot,
                  @Nullable Origin origin, @Nullable Execution execution, PromotionSection promotions,
                  @Nullable TradeSpendSection tradeSpend, SellThroughTotals.@Nullable Summary sellThrough,
                  Distribution distribution, Instant asOf, long eventsApplied) {

        /**
         * The review as a coordinator of the region sees it: the action plan shows national items and the items of
         * their region only, and its counts are of those items; the execution section shows their region's figures
         * only; the promotions section the promotions running in a store of their region, with that region's
         * execution; the distribution section their region's figures only (stores, carrying, prices, displays),
         * with the account's listings; no trade-spend section (negotiations and terms are for national KA managers only).
         */
        Review seenFrom(Region region) {
            return new Review(accountId, header, classification, stage, stores, contacts, timeline, plan, planYears,
                    actions == null ? null : actions.visibleIn(region), heat, wall, swot, origin,
                    execution == null ? null : execution.seenFrom(region), promotions.seenFrom(region), null,
                    sellThrough, distribution.seenFrom(region), asOf, eventsApplied);
        }

        /**
         * The review as a machine client sees it: without heat, wall, SWOT, origin (its screening score) and
         * execution, which are our view of the retailer and our own field work, and must not reach a client that may
         * act for the retailer itself; the promotions without their execution in store, for the same reason; and no trade-spend section,
         * which is for national KA managers only. The distribution section stays: its figures are the actuals of
         * targets set with the retailer (distribution, listings, shelf price, displays), counted over stores, not
         * our judgement of the retailer or a check-by-check account of our field work.
         */
        Review forIntegration() {
            return new Review(accountId, header, classification, stage, stores, contacts, timeline, plan, planYears,
                    actions, null, new RelationshipViews.Wall(List.of(), List.of()), null, null, null,
                    promotions.forIntegration(), null, sellThrough, distribution, asOf, eventsApplied);
        }

        /**
         * The review as the retailer may see it (an integration bound to the retailer; the retailer audience of the
         * exports): as any integration sees it, and besides nothing of how we classify and judge the account or what
         * we spend on it. No tier, no red/black/white role and no development stage; the timeline keeps the plan
         * versions approved, without our names, and none of the classification and stage changes, their reasons
         * and evidence, or the comments of returned versions; the plan keeps the targets set with the retailer (see
         * {@link Plan#forRetailer()}); the promotions section keeps the agreed promotions as calendar facts only.
         */
        Review forRetailer() {
            Review integration = forIntegration();
            return new Review(accountId, header, new Classification(null, null), null, stores, contacts,
                    timeline.stream().filter(e -> e.kind() == TimelineRow.Kind.PLAN_APPROVED)
                            .map(TimelineEntry::forRetailer).toList(),
                    plan == null ? null : plan.forRetailer(), planYears, integration.actions(),
                    integration.heat(), integration.wall(), integration.swot(), integration.origin(),
                    integration.execution(), promotions.forRetailer(), null, sellThrough, distribution, asOf,
                    eventsApplied);
        }
    }

    record Header(@Nullable String name, @Nullable String banner, @Nullable RetailFormat format,
                  @Nullable AccountScope scope, @Nullable Region homeRegion, @Nullable String owner,
                  @Nullable AccountStatus status) {
    }

    record Classification(@Nullable ValueTier tier, @Nullable AccountRole role) {
    }

    /** Open stores, in total and in every region (zeros included). */
    record Stores(long open, Map<Region, Long> byRegion) {
    }

    /** Contacts, in total, in every department and at every level (zeros included): the relationship wall. */
    record Contacts(long total, Map<Department, Long> byDepartment, Map<ContactLevel, Long> byLevel) {
    }

    /**
     * A classification change (tiers and roles set), a stage change (stages set), or a plan version submitted,
     * approved or returned (plan year and version set, and the comment of a return), with who, when and why.
     */
    record TimelineEntry(TimelineRow.Kind kind, Instant at, @Nullable String by,
                         @Nullable ValueTier fromTier, @Nullable ValueTier toTier,
                         @Nullable AccountRole fromRole, @Nullable AccountRole toRole,
                         @Nullable DevelopmentStage fromStage, @Nullable DevelopmentStage toStage,
                         @Nullable String reason, @Nullable String evidence,
                         @Nullable Integer planYear, @Nullable Integer planVersion, @Nullable String comment) {

        /** The entry without who made it inside our company, its reason, evidence and comment. */
        TimelineEntry forRetailer() {
            return new TimelineEntry(kind, at, null, null, null, null, null, null, null, null, null, planYear,
                    planVersion, null);
        }

        static TimelineEntry of(TimelineRow row) {
            return new TimelineEntry(row.kind(), row.changedAt(), row.changedBy(), row.fromTier(), row.toTier(),
                    row.fromRole(), row.toRole(), row.fromStage(), row.toStage(), row.reason(), row.evidence(),
                    row.planYear(), row.planVersion(), row.comment());
        }
    }

    /** One line of the list of reviews. */
    record ReviewSummary(UUID accountId, @Nullable String name, @Nullable String banner, @Nullable RetailFormat format,
                         @Nullable AccountScope scope, @Nullable Region homeRegion, @Nullable String owner,
                         @Nullable AccountStatus status, @Nullable ValueTier tier, @Nullable AccountRole role,
                         @Nullable DevelopmentStage stage, long openStores, long contacts, Instant asOf,
                         long eventsApplied) {

        /** The line as the retailer may see it: without tier, role and stage, as {@link Review#forRetailer()}. */
        ReviewSummary forRetailer() {
            return new ReviewSummary(accountId, name, banner, format, scope, homeRegion, owner, status, null, null,
                    null, openStores, contacts, asOf, eventsApplied);
        }
    }

    /** One page of a listing; {@code page} counts from 0. */
    record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
