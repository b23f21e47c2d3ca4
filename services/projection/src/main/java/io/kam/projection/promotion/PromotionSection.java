package io.kam.projection.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.projection.visit.PromotionExecution;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionStatus;

/**
 * The review's promotions section (促销). A promotion belongs to the year its in-store period begins in (the year whose
 * fund its approval draws on). {@code upcoming} and {@code running} are as things stand now, whatever the year;
 * {@code agreed}, {@code evaluated}, {@code fund} and {@code spend} are the section's {@code year}'s.
 *
 * @param year          the review's year: the shown plan's, else the year asked (by default the current one)
 * @param upcoming      agreed with the retailer and not started yet, soonest first, with their execution
 * @param running       running now, with their execution in the stores checked so far
 * @param agreed        the year's promotions agreed with the retailer and not cancelled, whatever has happened since
 *                      (running, ended, evaluated): the actual of the plan's {@code PROMOTIONS} KPI is their number
 * @param evaluated     the year's evaluated promotions, each by its evaluation with the highest number
 * @param fund          the year's promotion funds; null when the account has none for the year, and for an
 *                      integration bound to a retailer
 * @param spend         the year's promotion spend, the actual of the plan's {@code PROMOTION_SPEND} KPI; null for an
 *                      integration bound to a retailer
 * @param asOf          when the latest promotions event the section reflects happened; null before the first, and
 *                      for an integration bound to a retailer
 * @param eventsApplied how many promotions events of the account the section reflects; null for an integration bound
 *                      to a retailer (both would tell it of promotions not agreed with it, drafts included)
 */
public record PromotionSection(int year, List<Promotion> upcoming, List<Promotion> running, List<Promotion> agreed,
                               List<Evaluated> evaluated, @Nullable Funds fund, @Nullable Spend spend,
                               @Nullable Instant asOf, @Nullable Long eventsApplied) {

    /**
     * As a coordinator of the region sees it: the promotions running in a store of their region only, each with the
     * execution of that region's stores; the fund and the spend stay the account's, like the plan they are held
     * against.
     */
    public PromotionSection seenFrom(Region region) {
        return new PromotionSection(year, in(upcoming, region), in(running, region), in(agreed, region),
                evaluated.stream().filter(e -> e.regions().contains(region)).toList(), fund, spend, asOf,
                eventsApplied);
    }

    /** As a machine client sees it: without the execution, which is our own field work (like the review's). */
    public PromotionSection forIntegration() {
        return new PromotionSection(year, calendar(upcoming), calendar(running), calendar(agreed), evaluated, fund,
                spend, asOf, eventsApplied);
    }

    /**
     * As an integration bound to the retailer sees it: the agreed promotions of its account as calendar facts, never
     * what we spend, what we got back, our funds, how stores executed them, or that anything else is going on.
     */
    public PromotionSection forRetailer() {
        return new PromotionSection(year, calendar(upcoming), calendar(running), calendar(agreed), List.of(), null,
                null, null, null);
    }

    private static List<Promotion> in(List<Promotion> promotions, Region region) {
        return promotions.stream().filter(p -> p.regions().contains(region))
                .map(p -> p.withExecution(p.execution() == null ? null : p.execution().seenFrom(region))).toList();
    }

    private static List<Promotion> calendar(List<Promotion> promotions) {
        return promotions.stream().map(p -> p.withExecution(null)).toList();
    }

    /**
     * A promotion as the retailer's calendar knows it, with its execution.
     *
     * @param revision  its current revision
     * @param stores    how many stores it runs in
     * @param regions   the regions of those stores (as the accounts events place them), in region order
     * @param agreedOn  the day the retailer confirmed the revision; null before
     * @param reference the retailer's reference for it; null before agreement
     * @param execution its execution as the store checks found it; null for integrations
     */
    public record Promotion(UUID promotionId, int revision, @Nullable String name, List<Mechanic> mechanics,
                            PromotionStatus status, @Nullable LocalDate inStoreFrom, @Nullable LocalDate inStoreTo,
                            List<Sku> skus, long stores, List<Region> regions, @Nullable LocalDate agreedOn,
                            @Nullable String reference, @Nullable PromotionExecution execution) {

        Promotion withExecution(@Nullable PromotionExecution seen) {
            return new Promotion(promotionId, revision, name, mechanics, status, inStoreFrom, inStoreTo, skus, stores,
                    regions, agreedOn, reference, seen);
        }
    }

    /** A promoted SKU, its category and its promoted shelf price. */
    public record Sku(String gtin, String category, BigDecimal promotedPrice) {
    }

    /**
     * An evaluated promotion, by its evaluation with the highest number: the outcome over all its SKUs and stores.
     *
     * @param upliftPercent          net incremental units ÷ baseline × 100 (2 decimals); null on a zero baseline
     * @param investment             the actual spend: fees (settled, else planned) and the funded discount
     * @param feesSettled            whether the fees are those the retailer settled
     * @param roi                    incremental gross profit ÷ investment; null when it cannot be computed
     * @param costPerIncrementalUnit investment ÷ net incremental units; null when no unit was gained
     * @param missingCosts           how many promoted SKUs have no product cost (the gross profit is then unknown)
     */
    public record Evaluated(UUID promotionId, @Nullable String name, @Nullable LocalDate inStoreFrom,
                            @Nullable LocalDate inStoreTo, List<Region> regions, int evaluation,
                            EvaluationTrigger trigger, @Nullable BigDecimal upliftPercent,
                            BigDecimal netIncrementalUnits, BigDecimal actualSales,
                            @Nullable BigDecimal incrementalGrossProfit, BigDecimal investment, boolean feesSettled,
                            @Nullable BigDecimal roi, @Nullable BigDecimal costPerIncrementalUnit, int missingCosts) {
    }

    /**
     * The year's funds together and each, as the promotions service counts them.
     *
     * @param committed the planned spend approvals committed on the funds, for their promotions not cancelled
     * @param actual    the investment of those promotions that are evaluated
     * @param remaining the budget less what the promotions draw: the actual spend of those evaluated, the committed
     *                  spend of the others (as the promotions service counts it)
     */
    public record Funds(BigDecimal budget, BigDecimal committed, BigDecimal actual, BigDecimal remaining,
                        List<Fund> funds) {
    }

    /** One fund: for a category, or (null) for all; its budget from the plan or a manager. */
    public record Fund(UUID fundId, @Nullable String category, String source, BigDecimal budget, BigDecimal committed,
                       BigDecimal actual, BigDecimal remaining) {
    }

    /**
     * The year's promotion spend, of its promotions not cancelled: what is known to have been spent, and what is
     * committed on the ones not evaluated yet.
     *
     * @param evaluated       the investment of the evaluated promotions
     * @param committed       the spend committed by the approval of the approved promotions not evaluated yet
     * @param total           evaluated + committed: the actual of the plan's {@code PROMOTION_SPEND} KPI
     * @param target          the shown plan's {@code PROMOTION_SPEND} target for the year; null without one
     * @param percentOfTarget total ÷ target × 100, one decimal, half up; null without a (non-zero) target
     */
    public record Spend(BigDecimal evaluated, BigDecimal committed, BigDecimal total, @Nullable BigDecimal target,
                        @Nullable BigDecimal percentOfTarget) {
    }
}
