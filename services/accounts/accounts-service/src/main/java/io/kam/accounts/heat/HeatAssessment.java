package io.kam.accounts.heat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.RelationshipEvents.FactorRating;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One purchase-heat assessment (购买热度) of an account: the five ratings, their notes and their sum. {@code number}
 * counts the account's assessments from 1, so that the history has one order even within one instant.
 */
@MappedEntity("heat_assessment")
public record HeatAssessment(@Id UUID id, UUID accountId, int number, int score,
                             int productUse, @Nullable String productUseNote,
                             int dealings, @Nullable String dealingsNote,
                             int eventAttendance, @Nullable String eventAttendanceNote,
                             int brandRegard, @Nullable String brandRegardNote,
                             int representativeView, @Nullable String representativeViewNote,
                             String assessedBy, Instant assessedAt) {

    /** An assessment of every factor; the score is their sum. */
    static HeatAssessment of(UUID accountId, int number, Map<HeatFactor, FactorRating> ratings, String assessedBy,
                             Instant assessedAt) {
        FactorRating product = ratings.get(HeatFactor.PRODUCT_USE);
        FactorRating dealings = ratings.get(HeatFactor.DEALINGS);
        FactorRating events = ratings.get(HeatFactor.EVENT_ATTENDANCE);
        FactorRating brand = ratings.get(HeatFactor.BRAND_REGARD);
        FactorRating representative = ratings.get(HeatFactor.REPRESENTATIVE_VIEW);
        int score = ratings.values().stream().mapToInt(FactorRating::rating).sum();
        return new HeatAssessment(UUID.randomUUID(), accountId, number, score, product.rating(), product.note(),
                dealings.rating(), dealings.note(), events.rating(), events.note(), brand.rating(), brand.note(),
                representative.rating(), representative.note(), assessedBy, assessedAt);
    }

    /** The ratings in factor order. */
    List<FactorRating> ratings() {
        return Arrays.stream(HeatFactor.values()).map(this::rating).toList();
    }

    FactorRating rating(HeatFactor factor) {
        return switch (factor) {
            case PRODUCT_USE -> new FactorRating(factor, productUse, productUseNote);
            case DEALINGS -> new FactorRating(factor, dealings, dealingsNote);
            case EVENT_ATTENDANCE -> new FactorRating(factor, eventAttendance, eventAttendanceNote);
            case BRAND_REGARD -> new FactorRating(factor, brandRegard, brandRegardNote);
            case REPRESENTATIVE_VIEW -> new FactorRating(factor, representativeView, representativeViewNote);
        };
    }
}
