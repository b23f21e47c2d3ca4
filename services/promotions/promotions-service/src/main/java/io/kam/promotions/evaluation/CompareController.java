package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.SkuOutcome;
import io.kam.promotions.api.PromotionStatus;
import io.kam.promotions.api.PromotionViews.PlannedSpend;
import io.kam.promotions.promotion.Promotion;
import io.kam.promotions.promotion.PromotionEvaluations;
import io.kam.promotions.promotion.PromotionReader;
import io.kam.promotions.promotion.Spend;
import io.kam.promotions.replica.Stores;
import io.kam.visits.api.Gtin;
import io.swagger.v3.oas.annotations.Operation;

/**
 * "Same terms as chain X": every account's agreed promotions of one SKU side by side, in terms that compare across
 * chains. National KA managers only; never coordinators or integrations.
 */
@RestController
class CompareController {

    /** Where a row's figures come from: the latest evaluation, or the terms and forecast before there is one. */
    enum Basis { ACTUAL, PLANNED }

    /**
     * One promotion of the SKU. {@code fundingPerUnit} is the manufacturer's investment per promoted unit and
     * {@code feesPercentOfSales} the fees as a share of the promoted sales value, both from the evaluation when there
     * is one (actual spend, units and sales) and else from the plan (planned spend over the forecast units, at the
     * promoted prices); {@code upliftPercent} is this SKU's (forecast uplift ÷ baseline when planned); ROI and cost
     * per incremental unit only once evaluated.
     */
    record Row(UUID accountId, @Nullable String accountName, UUID promotionId, String name, PromotionStatus status,
               int revision, Period inStore, long durationDays, int storesCovered, BigDecimal regularPrice,
               BigDecimal promotedPrice, BigDecimal discountDepthPercent, boolean retailerFundsDiscount, Basis basis,
               @Nullable BigDecimal fundingPerUnit, @Nullable BigDecimal feesPercentOfSales,
               @Nullable BigDecimal upliftPercent, @Nullable BigDecimal roi,
               @Nullable BigDecimal costPerIncrementalUnit) {
    }

    record Comparison(String gtin, LocalDate from, LocalDate to, List<Row> promotions) {
    }

    private final PromotionReader promotions;
    private final PromotionEvaluations evaluations;
    private final Stores stores;
    private final CurrentActor current;
    private final MarketCalendar calendar;

    CompareController(PromotionReader promotions, PromotionEvaluations evaluations, Stores stores, CurrentActor current,
                      MarketCalendar calendar) {
        this.promotions = promotions;
        this.evaluations = evaluations;
        this.stores = stores;
        this.current = current;
        this.calendar = calendar;
    }

    @Operation(summary = "Every account's agreed promotions of a SKU side by side, normalised (national KA managers)",
            description = "Discount depth %, funding per unit, fees as % of promoted sales, duration, stores covered, "
                    + "uplift %, ROI and cost per incremental unit, over in-store periods overlapping from..to "
                    + "(default: this year). Coordinators and integrations are refused (403).")
    @GetMapping("/api/promotions/compare")
    @Transactional(readOnly = true)
    Comparison compare(@RequestParam String gtin,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        String sku = Gtin.normalise(gtin).orElseThrow(() -> new Rejection.Invalid("gtin", Gtin.problem(gtin)).refused());
        LocalDate first = from != null ? from : LocalDate.of(calendar.currentYear(), 1, 1);
        LocalDate last = to != null ? to : LocalDate.of(first.getYear(), 12, 31);
        if (last.isBefore(first)) {
            throw new Rejection.Invalid("to", "must not be before from (" + first + ")").refused();
        }
        List<Promotion> found = promotions.agreedWithSku(sku, first, last);
        Map<UUID, String> names = stores.accountNames(found.stream().map(Promotion::accountId).distinct().toList());
        List<Row> rows = new ArrayList<>();
        for (Promotion promotion : found) {
            rows.add(row(promotion, sku, names.get(promotion.accountId()), evaluations.latest(promotion.id())));
        }
        rows.sort(Comparator.comparing(Row::discountDepthPercent).reversed()
                .thenComparing(r -> r.inStore().from()).thenComparing(Row::promotionId));
        return new Comparison(sku, first, last, List.copyOf(rows));
    }

    private static Row row(Promotion promotion, String gtin, @Nullable String accountName,
                           Optional<PromotionEvaluated> evaluation) {
        var terms = promotion.terms();
        PromotedSku sku = terms.skus().stream().filter(s -> s.gtin().equals(gtin)).findFirst().orElseThrow();
        @Nullable BigDecimal funding;
        @Nullable BigDecimal feesShare;
        @Nullable BigDecimal uplift;
        @Nullable BigDecimal roi = null;
        @Nullable BigDecimal perUnit = null;
        if (evaluation.isPresent()) {
            PromotionEvaluated e = evaluation.get();
            funding = ratio(e.investment().total(), BigDecimal.valueOf(e.total().actualUnits()));
            feesShare = percent(e.investment().fees(), e.total().actualSales());
            uplift = e.skus().stream().filter(s -> s.gtin().equals(gtin)).findFirst().map(SkuOutcome::outcome)
                    .map(o -> o.upliftPercent()).orElse(null);
            roi = e.roi();
            perUnit = e.costPerIncrementalUnit();
        } else {
            PlannedSpend planned = promotion.plannedSpend();
            long units = terms.forecast().baselineUnits() + terms.forecast().upliftUnits();
            funding = ratio(planned.total(), BigDecimal.valueOf(units));
            feesShare = percent(planned.fees(), Spend.meanPromotedPrice(terms).multiply(BigDecimal.valueOf(units)));
            uplift = percent(BigDecimal.valueOf(terms.forecast().upliftUnits()),
                    BigDecimal.valueOf(terms.forecast().baselineUnits()));
        }
        return new Row(promotion.accountId(), accountName, promotion.id(), terms.name(), promotion.status(),
                promotion.revision(), terms.inStore(), terms.inStore().days(), terms.storeIds().size(),
                sku.regularPrice(), sku.promotedPrice(), Promotion.depth(sku), terms.retailerFundsDiscount(),
                evaluation.isPresent() ? Basis.ACTUAL : Basis.PLANNED, funding, feesShare, uplift, roi, perUnit);
    }

    private static @Nullable BigDecimal ratio(BigDecimal amount, BigDecimal per) {
        return per.signum() == 0 ? null : amount.divide(per, 2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.movePointRight(2).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
