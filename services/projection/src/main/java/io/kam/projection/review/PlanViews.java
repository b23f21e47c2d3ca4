package io.kam.projection.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.ComparisonBasis;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.KpiUnit;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.projection.promotion.PromotionSection;
import io.kam.projection.sellthrough.SellThroughTotals;
import io.kam.projection.visit.Distribution;

/** The plan sections of the review: the approved plan in force and the progress of its action items. */
final class PlanViews {

    private PlanViews() {
    }

    /**
     * An approved version of an account's annual business plan (生意计划).
     *
     * @param dependsOn the departments the plan depends on, in department order
     */
    record Plan(int year, int version, @Nullable String author, @Nullable String approvedBy,
                @Nullable Instant approvedAt, List<Target> targets, SellThrough sellThrough,
                List<Department> dependsOn) {

        /**
         * The plan with the year's sell-through figures: the SELL_THROUGH_VALUE target's actual is the year's sales to
         * date, SELL_THROUGH_VOLUME's the units; each month's actual is its sales and its variance actual minus target.
         * Without figures (null), the plan as it is.
         */
        Plan withActuals(SellThroughTotals.@Nullable PlanActuals figures) {
            if (figures == null) {
                return this;
            }
            List<Target> withActuals = targets.stream().map(t -> switch (t.kpi()) {
                case SELL_THROUGH_VALUE -> t.withActual(figures.sales());
                case SELL_THROUGH_VOLUME -> t.withActual(BigDecimal.valueOf(figures.units()));
                default -> t;
            }).toList();
            List<Month> months = sellThrough.months().stream()
                    .map(m -> m.withActual(figures.salesByMonth().get(m.month()))).toList();
            return new Plan(year, version, author, approvedBy, approvedAt, withActuals,
                    new SellThrough(sellThrough.annualTarget(), months), dependsOn);
        }

        /**
         * The plan with the year's distribution figures (rules in {@link Distribution}): LISTED_SKUS's actual is the
         * SKUs listed at the period's end and NEW_LISTINGS's those first listed in it, STORES_CARRYING's the open
         * stores that carried a listed SKU, once a listing of the account is known; SHELF_PRICE_INDEX's the index
         * once a check priced a line; SECONDARY_DISPLAYS's the displays found once a check reported them.
         */
        Plan withDistributionActuals(Distribution.Period period) {
            Distribution.Figures all = period.overall();
            return new Plan(year, version, author, approvedBy, approvedAt, targets.stream().map(t -> {
                BigDecimal actual = switch (t.kpi()) {
                    case LISTED_SKUS -> period.listedSkus() == null ? null : BigDecimal.valueOf(period.listedSkus());
                    case NEW_LISTINGS -> period.newListings() == null ? null : BigDecimal.valueOf(period.newListings());
                    case STORES_CARRYING -> period.listedSkus() == null ? null
                            : BigDecimal.valueOf(all.storesCarrying());
                    case SHELF_PRICE_INDEX -> all.shelfPriceIndex();
                    case SECONDARY_DISPLAYS -> all.storesChecked() == 0 ? null
                            : BigDecimal.valueOf(all.secondaryDisplays());
                    default -> null;
                };
                return actual == null ? t : t.withActual(actual);
            }).toList(), sellThrough, dependsOn);
        }

        /**
         * The plan with the year's promotion figures: the PROMOTION_SPEND target's actual is the year's promotion
         * spend (evaluated investment plus the spend committed on the approved promotions not evaluated yet),
         * PROMOTIONS's the number of the year's promotions agreed with the retailer and not cancelled. Before any
         * promotions event of the account has been projected, the plan as it is.
         */
        Plan withPromotionActuals(PromotionSection promotions) {
            if (promotions.eventsApplied() == null || promotions.eventsApplied() == 0 || promotions.spend() == null) {
                return this;
            }
            BigDecimal spend = promotions.spend().total();
            BigDecimal agreed = BigDecimal.valueOf(promotions.agreed().size());
            return new Plan(year, version, author, approvedBy, approvedAt, targets.stream().map(t -> switch (t.kpi()) {
                case PROMOTION_SPEND -> t.withActual(spend);
                case PROMOTIONS -> t.withActual(agreed);
                default -> t;
            }).toList(), sellThrough, dependsOn);
        }

        /**
         * The plan with the agreed true trade spend % (of the agreement in force on the section's day) as the
         * TRADE_SPEND_RATE target's actual; for national KA managers only, like the agreement. Without one, the plan as
         * it is.
         */
        Plan withTradeSpendActual(@Nullable BigDecimal tradeSpendPercent) {
            if (tradeSpendPercent == null) {
                return this;
            }
            return new Plan(year, version, author, approvedBy, approvedAt, targets.stream()
                    .map(t -> t.kpi() == PlanKpi.TRADE_SPEND_RATE ? t.withActual(tradeSpendPercent) : t).toList(),
                    sellThrough, dependsOn);
        }

        /**
         * The plan as the retailer may see it: the targets we set with them (sell-through, distribution, listings,
         * promotions, displays, shelf price), without what we plan to spend on them (PROMOTION_SPEND, the budget the
         * funds are seeded from, and TRADE_SPEND_RATE) and without who wrote and approved it inside our company.
         */
        Plan forRetailer() {
            return new Plan(year, version, null, null, approvedAt,
                    targets.stream().filter(t -> !INTERNAL_TARGETS.contains(t.kpi())).toList(), sellThrough, dependsOn);
        }

        /** The targets of a plan that stay inside our company: what we plan to spend on the account. */
        static final java.util.Set<PlanKpi> INTERNAL_TARGETS = java.util.EnumSet.of(PlanKpi.PROMOTION_SPEND,
                PlanKpi.TRADE_SPEND_RATE);

        /** The target set for the KPI; null when the plan sets none. */
        @Nullable BigDecimal target(PlanKpi kpi) {
            return targets.stream().filter(t -> t.kpi() == kpi).map(Target::target).findFirst().orElse(null);
        }
    }

    /**
     * One KPI's target, in KPI order.
     *
     * @param baseline last year's figure (for a prior-year basis)
     * @param actual   null until results for the KPI are projected: for SELL_THROUGH_VALUE the plan year's sales
     *                 to date, for SELL_THROUGH_VOLUME its units, once the year has sell-through figures; for
     *                 PROMOTION_SPEND the year's promotion spend and for PROMOTIONS the number of its promotions agreed
     *                 with the retailer, once the account has promotions events; for TRADE_SPEND_RATE the agreed
     *                 true trade spend %, for national KA managers only, once an agreement is in force;
     *                 for LISTED_SKUS, NEW_LISTINGS and STORES_CARRYING the year's listed SKUs, new listings and
     *                 stores carrying once a listing of the account is known, for SHELF_PRICE_INDEX the year's index
     *                 once a check priced a SKU line, for SECONDARY_DISPLAYS the displays the year's checks found
     *                 (rules in {@link Distribution})
     */
    record Target(PlanKpi kpi, KpiUnit unit, ComparisonBasis basis, BigDecimal target, @Nullable BigDecimal baseline,
                  @Nullable BigDecimal actual) {

        Target withActual(BigDecimal figure) {
            return new Target(kpi, unit, basis, target, baseline, figure);
        }
    }

    /**
     * The sell-through value target (CNY) and its monthly phasing.
     *
     * @param annualTarget the SELL_THROUGH_VALUE target; null when the plan sets none
     * @param months       January to December, always twelve
     */
    record SellThrough(@Nullable BigDecimal annualTarget, List<Month> months) {
    }

    /**
     * @param target   the month's phased target; null when the plan is not phased
     * @param actual   the month's sales (days in Asia/Shanghai); null while the month has no sell-through figures
     * @param variance actual minus target; null while either is missing
     */
    record Month(int month, @Nullable BigDecimal target, @Nullable BigDecimal actual, @Nullable BigDecimal variance) {

        /** The month with its sales (null when it has no figures) and the variance against its target. */
        Month withActual(@Nullable BigDecimal sales) {
            return new Month(month, target, sales, sales == null || target == null ? null : sales.subtract(target));
        }
    }

    /**
     * How the shown plan's action plan is going.
     *
     * @param byStatus    every status with its count, zeros included
     * @param overdue     items due before today (Asia/Shanghai) and neither DONE nor CANCELLED
     * @param percentDone DONE items as a whole percentage of the items not CANCELLED; null when none counts
     * @param items       by due date
     */
    record Actions(int total, Map<ActionStatus, Long> byStatus, long overdue, @Nullable Integer percentDone,
                   List<Item> items) {

        /** The counts of these items, which are in due-date order. */
        static Actions of(List<Item> items) {
            Map<ActionStatus, Long> byStatus = new java.util.EnumMap<>(ActionStatus.class);
            for (ActionStatus status : ActionStatus.values()) {
                byStatus.put(status, items.stream().filter(i -> i.status() == status).count());
            }
            long overdue = items.stream().filter(Item::overdue).count();
            long counted = items.size() - byStatus.get(ActionStatus.CANCELLED);
            Integer percentDone = counted == 0 ? null
                    : (int) Math.round(100.0 * byStatus.get(ActionStatus.DONE) / counted);
            return new Actions(items.size(), byStatus, overdue, percentDone, items);
        }

        /** National items and those of the region. */
        Actions visibleIn(Region region) {
            return of(items.stream().filter(i -> i.region() == null || i.region() == region).toList());
        }
    }

    /** An action item of the shown plan, with its status (PLANNED until progress is reported). */
    record Item(UUID itemId, @Nullable String what, @Nullable String owner, @Nullable LocalDate due, @Nullable Region region,
                @Nullable PlanKpi servesKpi, @Nullable UUID servesSwotPoint, ActionStatus status, boolean overdue) {
    }
}
