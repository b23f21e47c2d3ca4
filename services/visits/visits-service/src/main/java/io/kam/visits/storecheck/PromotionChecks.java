package io.kam.visits.storecheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.platform.domain.FieldError;
import io.kam.visits.api.StoreCheckRequests.PromotionExecution;
import io.kam.visits.promotion.RunningPromotion;

/**
 * Matches a check's promotion answers with the promotions running in the store, naming every problem as a field
 * error: one answer for each running promotion and for nothing else, each once; each element answered when the
 * promotion's mechanics call for it, and left out when they do not.
 */
final class PromotionChecks {

    private PromotionChecks() {
    }

    /** A running promotion and the check's answer for it. */
    record Answered(RunningPromotion promotion, PromotionExecution answer) {
    }

    static List<Answered> match(List<RunningPromotion> running, @Nullable List<PromotionExecution> answers,
                                List<FieldError> errors) {
        Map<UUID, RunningPromotion> byId = new LinkedHashMap<>();
        running.forEach(p -> byId.put(p.promotionId(), p));
        List<PromotionExecution> given = answers == null ? List.of() : answers;
        List<Answered> answered = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PromotionExecution answer = given.get(i);
            String field = "promotions[" + i + "]";
            RunningPromotion promotion = byId.get(answer.promotionId());
            if (promotion == null) {
                errors.add(new FieldError(field + ".promotionId", "is not a promotion running in this store today"));
                continue;
            }
            if (!seen.add(promotion.promotionId())) {
                errors.add(new FieldError(field + ".promotionId", "is answered twice in this store check"));
                continue;
            }
            int before = errors.size();
            element(promotion.callsForDisplay(), answer.displayBuilt(), field + ".displayBuilt",
                    "a feature display (FEATURE_DISPLAY)", errors);
            element(promotion.callsForPosMaterial(), answer.posMaterialPresent(), field + ".posMaterialPresent",
                    "POS material (DM_FLYER, GIFT_WITH_PURCHASE or LOTTERY)", errors);
            element(promotion.callsForPromoter(), answer.promoterPresent(), field + ".promoterPresent",
                    "a promoter (IN_STORE_PROMOTERS or SAMPLING)", errors);
            if (errors.size() == before) {
                answered.add(new Answered(promotion, answer));
            }
        }
        List<String> missing = running.stream().filter(p -> !seen.contains(p.promotionId()))
                .map(p -> p.promotionId() + " (" + p.name() + ")").toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("promotions", "misses running promotions " + missing + ": a store check records "
                    + "the execution of every promotion running in the store"));
        }
        return answered;
    }

    private static void element(boolean calledFor, @Nullable Boolean answer, String field, String what,
                                List<FieldError> errors) {
        if (calledFor && answer == null) {
            errors.add(new FieldError(field, "is required: the promotion's mechanics call for " + what));
        } else if (!calledFor && answer != null) {
            errors.add(new FieldError(field, "must be left out: none of the promotion's mechanics calls for " + what));
        }
    }
}
