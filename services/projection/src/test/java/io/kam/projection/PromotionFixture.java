package io.kam.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.promotions.api.FundSource;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.FundSet;
import io.kam.promotions.api.PromotionEvents.Investment;
import io.kam.promotions.api.PromotionEvents.Outcome;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionApproved;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.PromotionProposed;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;
import io.kam.promotions.api.PromotionEvents.SkuOutcome;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;
import io.kam.visits.api.StoreCheckEvents.PromotedPriceCheck;
import io.kam.visits.api.StoreCheckEvents.PromotionExecutionChecked;

/**
 * One promotion of an account and the events the promotions service would publish for it (Nora plans, Olga approves),
 * with the execution checks the visits service would publish. UHT milk at 19.90 instead of 23.00, an end cap at
 * 1,500 per store; its evaluation is the contract sample's: 600 units sold against a baseline of 280, 300 net
 * incremental units, 1,800.00 of incremental gross profit.
 */
public final class PromotionFixture {

    public static final String MILK = "06901234567892";
    public static final String PRICE_DEVIATION = "price:" + MILK;

    private final UUID accountId;
    private final UUID promotionId = UUID.randomUUID();
    private final Terms terms;

    private PromotionFixture(UUID accountId, Terms terms) {
        this.accountId = accountId;
        this.terms = terms;
    }

    /** A price discount with a feature display of UHT milk in these stores over the days from {@code from} to {@code to}. */
    public static PromotionFixture aPromotion(UUID accountId, String name, LocalDate from, LocalDate to,
                                              StoreOpened... stores) {
        return new PromotionFixture(accountId, terms(name, from, to, stores));
    }

    private static Terms terms(String name, LocalDate from, LocalDate to, StoreOpened... stores) {
        return new Terms(name, List.of(Mechanic.PRICE_DISCOUNT, Mechanic.FEATURE_DISPLAY),
                List.of(new PromotedSku(MILK, "UHT milk", new BigDecimal("23.00"), new BigDecimal("19.90"))),
                Arrays.stream(stores).map(StoreOpened::storeId).toList(), new Period(from, to),
                new Period(from.minusWeeks(2), from.minusDays(1)),
                List.of(new Fee(FeeKind.DISPLAY_FEE, new BigDecimal("1500.00"), FeeBasis.PER_STORE, "end cap")), null,
                new Forecast(2400, 1200), false, null);
    }

    public UUID id() {
        return promotionId;
    }

    public PromotionDrafted drafted() {
        return new PromotionDrafted(accountId, promotionId, 1, terms, "nora");
    }

    public PromotionProposed proposed(int revision) {
        return new PromotionProposed(accountId, promotionId, revision, "nora", List.of());
    }

    public PromotionApproved approved(int revision, @Nullable UUID fundId, String committedSpend) {
        return new PromotionApproved(accountId, promotionId, revision, "olga", fundId, new BigDecimal(committedSpend),
                null);
    }

    public PromotionAgreed agreed(int revision, LocalDate on) {
        return new PromotionAgreed(accountId, promotionId, revision, "Wang Lei, dairy buyer", on, "PO-" + on, "nora");
    }

    /** Its terms again, moved to other days, as revision {@code revision}. */
    public PromotionRevised revised(int revision, LocalDate from, LocalDate to) {
        Terms moved = new Terms(terms.name(), terms.mechanics(), terms.skus(), terms.storeIds(), new Period(from, to),
                terms.sellIn(), terms.fees(), terms.fundId(), terms.forecast(), terms.retailerFundsDiscount(),
                terms.note());
        return new PromotionRevised(accountId, promotionId, revision, revision - 1, moved, "the retailer moved its DM",
                "nora");
    }

    public PromotionStarted started(int revision) {
        return new PromotionStarted(accountId, promotionId, revision, terms.inStore().from());
    }

    public PromotionEnded ended(int revision) {
        return new PromotionEnded(accountId, promotionId, revision, terms.inStore().to().plusDays(1));
    }

    public PromotionCancelled cancelled(int revision, PromotionStatus from) {
        return new PromotionCancelled(accountId, promotionId, revision, from, "the retailer moved its event", "nora");
    }

    /**
     * Its evaluation: the sample's outcome, with the fees planned (1,500 × 2 stores) or as settled, and the funded
     * discount of 3.10 × 600 units = 1,860.00; ROI = 1,800.00 ÷ investment, cost per unit = investment ÷ 300.
     */
    public PromotionEvaluated evaluated(int revision, int evaluation, EvaluationTrigger trigger, String fees,
                                        boolean settled, String roi, String costPerUnit) {
        Outcome outcome = new Outcome(new BigDecimal("280.0000"), 600, new BigDecimal("11940.0000"),
                new BigDecimal("320.0000"), new BigDecimal("20.0000"), new BigDecimal("300.0000"),
                new BigDecimal("107.14"), new BigDecimal("1800.00"));
        BigDecimal feeTotal = new BigDecimal(fees);
        BigDecimal discount = new BigDecimal("1860.00");
        return new PromotionEvaluated(accountId, promotionId, revision, evaluation, trigger, terms.inStore(), 8, 2,
                List.of(new SkuOutcome(MILK, outcome)), outcome, List.of(),
                new Investment(feeTotal, settled, discount, feeTotal.add(discount)), new BigDecimal(roi),
                new BigDecimal(costPerUnit), List.of());
    }

    /** What a check at the store found of the promotion's execution: every element passed, or these failed. */
    public PromotionExecutionChecked checked(StoreOpened store, Instant at, String... deviations) {
        boolean priceRight = !List.of(deviations).contains(PRICE_DEVIATION);
        return new PromotionExecutionChecked(accountId, UUID.randomUUID(), UUID.randomUUID(), store.storeId(),
                store.region(), promotionId, 1, "eric", at,
                List.of(new PromotedPriceCheck(MILK, new BigDecimal("19.90"),
                        new BigDecimal(priceRight ? "19.90" : "23.00"), priceRight)),
                !List.of(deviations).contains("display"), null, null, null, deviations.length == 0,
                List.of(deviations));
    }

    public static FundSet aFund(UUID accountId, UUID fundId, int year, @Nullable String category, String amount,
                                FundSource source) {
        return new FundSet(accountId, fundId, year, category, new BigDecimal(amount), source,
                source == FundSource.PLAN ? "promotions" : "olga");
    }
}
