package io.kam.negotiations.terms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.NegotiationEvents.RebateTier;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationRequests.RebateTierInput;
import io.kam.negotiations.api.NegotiationRequests.TermValueInput;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.domain.FieldError;

/**
 * Reads a term's value as it came in: the shape must be one the kind allows, exactly the fields of the shape set (the
 * others absent), tiers rising. What is wrong is collected as field errors under the value's path, so that one answer
 * names every mistake.
 */
public final class TermValues {

    private TermValues() {
    }

    /** The value, or null when it has errors (added to {@code errors}). */
    public static @Nullable TermValue read(TermKind kind, TermValueInput in, String path, List<FieldError> errors) {
        int before = errors.size();
        if (!kind.allows(in.shape())) {
            errors.add(new FieldError(path + ".shape", "a " + kind + " term is " + kind.shapes().stream().sorted()
                    .map(Enum::name).toList() + ", not " + in.shape()));
            return null;
        }
        ValueShape shape = in.shape();
        boolean percent = shape == ValueShape.PERCENT_OF_SALES;
        boolean amount = shape == ValueShape.FIXED_AMOUNT || Normaliser.counted(shape);
        boolean days = shape == ValueShape.DAYS;
        boolean tiers = shape == ValueShape.TIERED;
        field(path + ".percent", in.percent(), percent, shape, errors);
        field(path + ".amount", in.amount(), amount, shape, errors);
        field(path + ".days", in.days(), days, shape, errors);
        List<RebateTierInput> rawTiers = in.tiers() == null ? List.of() : in.tiers();
        if (tiers && rawTiers.isEmpty()) {
            errors.add(new FieldError(path + ".tiers", "a TIERED value needs at least one tier"));
        } else if (!tiers && !rawTiers.isEmpty()) {
            errors.add(new FieldError(path + ".tiers", "a " + shape + " value has no tiers"));
        }
        List<RebateTier> read = new ArrayList<>();
        for (int i = 0; tiers && i < rawTiers.size(); i++) {
            RebateTierInput tier = rawTiers.get(i);
            if (i > 0) {
                RebateTierInput previous = rawTiers.get(i - 1);
                if (tier.salesFrom().compareTo(previous.salesFrom()) <= 0) {
                    errors.add(new FieldError(path + ".tiers[" + i + "].salesFrom",
                            "must be above the previous tier's " + previous.salesFrom().toPlainString()));
                }
                if (tier.percent().compareTo(previous.percent()) <= 0) {
                    errors.add(new FieldError(path + ".tiers[" + i + "].percent",
                            "must be above the previous tier's " + previous.percent().toPlainString()));
                }
            }
            read.add(new RebateTier(money(tier.salesFrom()), money(tier.percent())));
        }
        if (errors.size() > before) {
            return null;
        }
        return switch (shape) {
            case PERCENT_OF_SALES -> TermValue.percentOfSales(money(in.percent()));
            case DAYS -> TermValue.ofDays(in.days());
            case TIERED -> TermValue.tiered(read);
            default -> TermValue.amount(shape, money(in.amount()));
        };
    }

    private static void field(String path, @Nullable Object value, boolean wanted, ValueShape shape,
                              List<FieldError> errors) {
        if (wanted && value == null) {
            errors.add(new FieldError(path, "is required for a " + shape + " value"));
        } else if (!wanted && value != null) {
            errors.add(new FieldError(path, "a " + shape + " value has none"));
        }
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
