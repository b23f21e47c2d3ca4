package io.kam.promotions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionEvents.Warning;

/** Response bodies of the promotions API. */
public final class PromotionViews {

    private PromotionViews() {
    }

    /** The retailer's confirmation of an agreed promotion. */
    public record Agreement(String confirmedBy, LocalDate confirmedOn, String reference, String recordedBy) {
    }

    /**
     * What a promotion is planned to cost, from its terms and forecast ({@code baselineUnits + upliftUnits} promoted
     * units over the period, across its SKUs). Fees: a fixed amount once; per store times its stores; per unit sold
     * times the forecast units; an off-invoice percentage of the forecast promoted sales value (forecast units times
     * the SKUs' mean promoted price). The discount costs the SKUs' mean discount per unit (regular minus promoted
     * price) times the forecast units, unless the retailer funds it. Amounts are rounded half up to the cent.
     */
    public record PlannedSpend(BigDecimal fees, BigDecimal discount, BigDecimal total) {
    }

    /**
     * A promotion as it stands. {@code discountDepth} holds each SKU's discount in percent, in the order of
     * {@code terms.skus}; {@code statusReason} is why it was returned, revised or cancelled; {@code settledFees} what the
     * retailer charged once it ended (null until settled); {@code evaluation} the number of its latest evaluation (0
     * before the first).
     */
    public record PromotionView(UUID id, UUID accountId, PromotionStatus status, int revision, Terms terms,
                                List<BigDecimal> discountDepth, PlannedSpend plannedSpend, String author, @Nullable String lastEditor,
                                @Nullable String proposedBy, @Nullable String approvedBy, @Nullable UUID fundId,
                                @Nullable BigDecimal committedSpend,
                                @Nullable Agreement agreement, @Nullable String statusReason, List<Warning> warnings,
                                @Nullable List<SettledFee> settledFees, int evaluation, Instant updatedAt,
                                long version) {
    }

    /**
     * A fund and what is drawn on it: {@code committed} is the planned spend of its approved promotions that are not
     * cancelled; {@code actual} the actual spend (the investment of their latest evaluation) of those evaluated;
     * {@code remaining} the budget less what they draw: the actual spend of those evaluated, the committed spend of
     * the others (negative when overridden past it).
     */
    public record FundView(UUID id, UUID accountId, int year, @Nullable String category, BigDecimal budget,
                           FundSource source, BigDecimal committed, BigDecimal actual, BigDecimal remaining,
                           long version) {
    }

    /** Funds and their totals, for an account or nationally. */
    public record FundsView(List<FundView> funds, BigDecimal budget, BigDecimal committed, BigDecimal actual,
                            BigDecimal remaining) {
    }

    public record PromotionPage(List<PromotionView> items, long total, int page, int size) {
    }
}
