package io.kam.accounts.heat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.RelationshipEvents.FactorRating;
import io.kam.accounts.api.RelationshipEvents.HeatAssessed;
import io.kam.accounts.api.RelationshipRequests;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;

/**
 * The purchase-heat history of one account, oldest first. It decides a new assessment and says where heat is
 * heading and which factors a coordinator should work on next.
 */
record HeatHistory(UUID accountId, List<HeatAssessment> assessments) {

    HeatHistory {
        assessments = List.copyOf(assessments);
    }

    /** A decision: the history with the new assessment, and the event it caused. */
    record Assessed(HeatHistory history, HeatAssessment assessment, HeatAssessed event) {
    }

    /**
     * Assesses heat again. Every factor must be rated exactly once; the ratings' ranges are checked at the edge.
     */
    Assessed assess(List<RelationshipRequests.FactorRating> factors, String assessedBy, Instant now) {
        Map<HeatFactor, FactorRating> ratings = eachFactorOnce(factors);
        HeatAssessment assessment = HeatAssessment.of(accountId, assessments.size() + 1, ratings, assessedBy, now);
        List<HeatAssessment> all = new ArrayList<>(assessments);
        all.add(assessment);
        HeatHistory next = new HeatHistory(accountId, all);
        Integer previous = latestScore();
        return new Assessed(next, assessment, new HeatAssessed(accountId, assessment.id(), assessment.score(),
                assessment.ratings(), previous, next.trend(), assessedBy, now));
    }

    /** The trend over every assessment; null before the first. */
    HeatTrend trend() {
        return assessments.isEmpty() ? null : HeatTrend.of(assessments.stream().map(HeatAssessment::score).toList());
    }

    /** The factors the latest assessment rated lowest, in factor order; empty before the first. */
    List<HeatFactor> focus() {
        if (assessments.isEmpty()) {
            return List.of();
        }
        HeatAssessment latest = assessments.getLast();
        int lowest = latest.ratings().stream().mapToInt(FactorRating::rating).min().orElseThrow();
        return latest.ratings().stream().filter(r -> r.rating() == lowest).map(FactorRating::factor).toList();
    }

    private Integer latestScore() {
        return assessments.isEmpty() ? null : assessments.getLast().score();
    }

    private static Map<HeatFactor, FactorRating> eachFactorOnce(List<RelationshipRequests.FactorRating> factors) {
        Map<HeatFactor, FactorRating> ratings = new EnumMap<>(HeatFactor.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            var factor = factors.get(i);
            var rating = new FactorRating(factor.factor(), factor.rating(), blankToNull(factor.note()));
            if (ratings.putIfAbsent(factor.factor(), rating) != null) {
                errors.add(new FieldError("factors[" + i + "].factor", "rates " + factor.factor() + " a second time"));
            }
        }
        Arrays.stream(HeatFactor.values()).filter(f -> !ratings.containsKey(f))
                .forEach(f -> errors.add(new FieldError("factors", "must rate " + f)));
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        return ratings;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
