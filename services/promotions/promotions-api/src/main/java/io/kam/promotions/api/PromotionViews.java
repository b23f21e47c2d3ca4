package io.kam.promotions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
     * A promotion as it stands. {@code discountDepth} holds each SKU's discount in percent, in the order of
     * {@code terms.skus}; {@code statusReason} is why it was returned or cancelled.
     */
    public record PromotionView(UUID id, UUID accountId, PromotionStatus status, int revision, Terms terms,
                                List<BigDecimal> discountDepth, String author, @Nullable String lastEditor,
                                @Nullable String proposedBy, @Nullable String approvedBy,
                                @Nullable Agreement agreement, @Nullable String statusReason, List<Warning> warnings,
                                Instant updatedAt, long version) {
    }

    public record PromotionPage(List<PromotionView> items, long total, int page, int size) {
    }
}
