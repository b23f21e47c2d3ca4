package io.kam.accounts.plan;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.KpiUnit;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanRequests;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;

/**
 * The targets of a plan version: one target per KPI, the sell-through value target phased by month, and the
 * departments the plan depends on. Valid by construction: {@link #of} refuses what a plan may not say.
 *
 * @param phasing twelve monthly values, January first, summing to the SELL_THROUGH_VALUE target; empty without one
 */
public record PlanContent(List<Target> targets, List<BigDecimal> phasing, List<Department> dependsOn) {

    public PlanContent {
        targets = targets.stream().sorted(java.util.Comparator.comparing(Target::kpi)).toList();
        phasing = List.copyOf(phasing);
        dependsOn = dependsOn.stream().distinct().sorted().toList();
    }

    /**
     * Checks a request's targets as a whole (each field was checked on its own by bean validation). Refuses with
     * 400 what is malformed, and with 422 phasing that does not sum to the annual target, saying by how much.
     */
    public static PlanContent of(PlanRequests.PlanTargets request) {
        List<FieldError> errors = new ArrayList<>();
        Set<PlanKpi> seen = new HashSet<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < request.targets().size(); i++) {
            PlanRequests.TargetInput input = request.targets().get(i);
            if (!seen.add(input.kpi())) {
                errors.add(new FieldError("targets[" + i + "].kpi", input.kpi() + " has a target already"));
            }
            if (input.kpi().unit() == KpiUnit.PERCENT_OF_SALES && input.value().compareTo(HUNDRED) > 0) {
                errors.add(new FieldError("targets[" + i + "].value", "a percentage of sales must not exceed 100"));
            }
            targets.add(new Target(input.kpi(), scaled(input.value()), input.baseline() == null ? null : scaled(input.baseline())));
        }
        List<BigDecimal> phasing = request.phasing() == null ? List.of()
                : request.phasing().stream().map(PlanContent::scaled).toList();
        Optional<Target> sellThrough = targets.stream().filter(t -> t.kpi() == PlanKpi.SELL_THROUGH_VALUE).findFirst();
        if (sellThrough.isPresent() && phasing.isEmpty()) {
            errors.add(new FieldError("phasing", "is required with a SELL_THROUGH_VALUE target: one value per month"));
        }
        if (sellThrough.isEmpty() && !phasing.isEmpty()) {
            errors.add(new FieldError("phasing", "phases the SELL_THROUGH_VALUE target, and there is none"));
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        PlanContent content = new PlanContent(targets,  phasing,
                request.dependsOn() == null ? List.of() : request.dependsOn());
        sellThrough.ifPresent(target -> requirePhasingSumsTo(target.value(), phasing));
        return content;
    }

    public Optional<Target> target(PlanKpi kpi) {
        return targets.stream().filter(t -> t.kpi() == kpi).findFirst();
    }

    public BigDecimal phasingTotal() {
        return phasing.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The dependsOn list as stored: comma-separated names. */
    String dependsOnColumn() {
        return String.join(",", dependsOn.stream().map(Enum::name).toList());
    }

    static List<Department> dependsOnFromColumn(String column) {
        return column.isBlank() ? List.of()
                : java.util.Arrays.stream(column.split(",")).map(Department::valueOf).toList();
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static void requirePhasingSumsTo(BigDecimal annual, List<BigDecimal> phasing) {
        BigDecimal total = phasing.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = total.subtract(annual);
        if (difference.signum() != 0) {
            String miss = difference.signum() < 0 ? money(difference.negate()) + " short of" : money(difference) + " over";
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("annualTarget", annual);
            facts.put("phasingTotal", total);
            facts.put("difference", difference);
            throw new Rejection.BrokenRule("phasing-mismatch", "the monthly phasing sums to " + money(total) + ", "
                    + miss + " the annual SELL_THROUGH_VALUE target of " + money(annual), facts).refused();
        }
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static String money(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
