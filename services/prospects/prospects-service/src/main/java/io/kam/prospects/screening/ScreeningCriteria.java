package io.kam.prospects.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.ProspectEvents.Criterion;
import io.kam.prospects.api.ProspectEvents.CriterionScore;
import io.kam.prospects.api.ProspectEvents.ScreeningCriteriaDefined;
import io.kam.prospects.api.ProspectRequests;
import io.kam.prospects.api.TargetClass;
import io.kam.prospects.api.Territories;

/**
 * A territory's screening criteria (目标客户筛选准则), one version: weighted criteria, each rated on its own scale,
 * and the score that qualifies a prospect. A prospect's score is the sum over the criteria of
 * {@code weight × rating / scaleMax}: 0 to 100, to two decimals; an unrated criterion adds nothing.
 */
public record ScreeningCriteria(Region region, int version, List<Criterion> criteria, BigDecimal qualifyingScore,
                                String definedBy, Instant definedAt) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ScreeningCriteria {
        criteria = List.copyOf(criteria);
    }

    /** A score and its explanation. */
    public record Score(BigDecimal score, boolean qualifies, TargetClass targetClass, List<CriterionScore> breakdown) {
    }

    /**
     * Defines the next version of a territory's criteria. Keys must be unique; the weights must sum to exactly 100
     * (422, saying by how much they miss).
     */
    public static ScreeningCriteria define(Region region, int version, ProspectRequests.CriteriaInput input,
                                           Actor actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < input.criteria().size(); i++) {
            if (!keys.add(input.criteria().get(i).key())) {
                errors.add(new FieldError("criteria[" + i + "].key", "is used by another criterion"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        BigDecimal total = input.criteria().stream().map(ProspectRequests.CriterionInput::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("weightTotal", total);
            facts.put("difference", total.subtract(HUNDRED));
            throw new Rejection.BrokenRule("weights-not-100", "the weights sum to " + total.stripTrailingZeros().toPlainString()
                    + "%, not 100%", facts).refused();
        }
        List<Criterion> criteria = input.criteria().stream()
                .map(c -> new Criterion(c.key(), c.name().strip(), scaled(c.weight()), c.scaleMax())).toList();
        return new ScreeningCriteria(region, version, criteria, scaled(input.qualifyingScore()), actor.name(), now);
    }

    /** Refuses ratings of criteria this version does not have, or off their scale; field errors name the key. */
    public void requireOnScale(Map<String, Integer> ratings) {
        List<FieldError> errors = new ArrayList<>();
        ratings.forEach((key, rating) -> criteria.stream().filter(c -> c.key().equals(key)).findFirst().ifPresentOrElse(
                c -> {
                    if (rating < 0 || rating > c.scaleMax()) {
                        errors.add(new FieldError("ratings." + key, "must be between 0 and " + c.scaleMax()));
                    }
                },
                () -> errors.add(new FieldError("ratings." + key, "is not a screening criterion of " + region
                        + " (version " + version + ")"))));
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors.stream().sorted(java.util.Comparator.comparing(FieldError::field)).toList()).refused();
        }
    }

    /** Whether every criterion has a rating. */
    public boolean allRated(Map<String, Integer> ratings) {
        return criteria.stream().allMatch(c -> ratings.containsKey(c.key()));
    }

    /** Scores ratings against these criteria; ratings of keys this version does not have are ignored. */
    public Score score(Map<String, Integer> ratings, CompetitorLoyalty loyalty) {
        List<CriterionScore> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            Integer rating = ratings.get(c.key());
            BigDecimal points = rating == null ? BigDecimal.ZERO.setScale(2)
                    : c.weight().multiply(BigDecimal.valueOf(Math.min(rating, c.scaleMax())))
                    .divide(BigDecimal.valueOf(c.scaleMax()), 2, RoundingMode.HALF_UP);
            lines.add(new CriterionScore(c.key(), c.name(), c.weight(), rating, c.scaleMax(), points));
            total = total.add(points);
        }
        boolean qualifies = total.compareTo(qualifyingScore) >= 0;
        return new Score(total, qualifies, TargetClass.of(qualifies, loyalty), lines);
    }

    public ScreeningCriteriaDefined defined() {
        return new ScreeningCriteriaDefined(Territories.id(region), region, version, criteria, qualifyingScore,
                definedBy, definedAt);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A fresh id for a stored criterion row. */
    static UUID rowId() {
        return UUID.randomUUID();
    }
}
