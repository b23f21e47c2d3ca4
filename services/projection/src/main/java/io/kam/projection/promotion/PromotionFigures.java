package io.kam.projection.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.kam.projection.promotion.PromotionSection.Evaluated;
import io.kam.projection.promotion.PromotionSection.Fund;
import io.kam.projection.promotion.PromotionSection.Funds;
import io.kam.projection.promotion.PromotionSection.Promotion;
import io.kam.projection.promotion.PromotionSection.Spend;
import io.kam.projection.visit.PromotionExecution;
import io.kam.promotions.api.PromotionStatus;

/** The promotions section's lists and sums, from an account's rows as read. */
final class PromotionFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<Promotion> SOONEST = Comparator
            .comparing(Promotion::inStoreFrom, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Promotion::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Promotion::promotionId);
    private static final Comparator<Evaluated> EVALUATED_SOONEST = Comparator
            .comparing(Evaluated::inStoreFrom, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Evaluated::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Evaluated::promotionId);

    private PromotionFigures() {
    }

    /**
     * A promotion as read, with what its approval committed.
     *
     * @param fundId         the fund its approval drew on; null before approval or when the account had none
     * @param committedSpend the planned spend its approval committed; null before (or, revised, since) approval
     */
    record Row(Promotion promotion, @Nullable UUID fundId, @Nullable BigDecimal committedSpend) {

        PromotionStatus status() {
            return promotion.status();
        }

        boolean of(int year) {
            return promotion.inStoreFrom() != null && promotion.inStoreFrom().getYear() == year;
        }
    }

    /** A fund of the year as its latest budget set it. */
    record FundRow(UUID fundId, @Nullable String category, String source, BigDecimal budget) {
    }

    static PromotionSection section(int year, List<Row> rows, Map<UUID, Evaluated> evaluations, List<FundRow> funds,
                                    Map<UUID, PromotionExecution> executions, @Nullable BigDecimal spendTarget,
                                    @Nullable Instant asOf, long eventsApplied) {
        List<Promotion> upcoming = withExecution(rows, r -> r.status() == PromotionStatus.AGREED, executions);
        List<Promotion> running = withExecution(rows, r -> r.status() == PromotionStatus.RUNNING, executions);
        List<Promotion> agreed = rows.stream().filter(r -> r.of(year) && r.status().agreed()).map(Row::promotion)
                .sorted(SOONEST).toList();
        List<Evaluated> evaluated = rows.stream()
                .filter(r -> r.of(year) && r.status() == PromotionStatus.EVALUATED)
                .map(r -> evaluations.get(r.promotion().promotionId())).filter(java.util.Objects::nonNull)
                .sorted(EVALUATED_SOONEST).toList();
        return new PromotionSection(year, upcoming, running, agreed, evaluated, funds(funds, rows, evaluations),
                spend(year, rows, evaluations, spendTarget), asOf, eventsApplied);
    }

    private static List<Promotion> withExecution(List<Row> rows, Predicate<Row> which,
                                                 Map<UUID, PromotionExecution> executions) {
        return rows.stream().filter(which).map(Row::promotion)
                .map(p -> p.withExecution(executions.getOrDefault(p.promotionId(), PromotionExecution.unchecked())))
                .sorted(SOONEST).toList();
    }

    /**
     * The year's spend over its promotions not cancelled: an evaluated one counts its investment, an approved one not
     * evaluated yet the spend its approval committed; drafts, proposals and revisions not approved again count nothing.
     */
    private static Spend spend(int year, List<Row> rows, Map<UUID, Evaluated> evaluations,
                               @Nullable BigDecimal target) {
        BigDecimal evaluated = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        for (Row row : rows) {
            if (!row.of(year) || row.status() == PromotionStatus.CANCELLED) {
                continue;
            }
            Evaluated evaluation = evaluations.get(row.promotion().promotionId());
            if (row.status() == PromotionStatus.EVALUATED && evaluation != null) {
                evaluated = evaluated.add(evaluation.investment());
            } else if (row.committedSpend() != null) {
                committed = committed.add(row.committedSpend());
            }
        }
        BigDecimal total = evaluated.add(committed);
        BigDecimal percent = target == null || target.signum() == 0 ? null
                : total.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
        return new Spend(money(evaluated), money(committed), money(total), target, percent);
    }

    /**
     * The year's funds: each one's committed spend is what the approvals of its promotions not cancelled committed on
     * it, its actual the investment of those evaluated, and its remaining the budget less what they draw (the actual
     * of those evaluated, the committed spend of the others). Null when the year has no fund.
     */
    private static @Nullable Funds funds(List<FundRow> funds, List<Row> rows, Map<UUID, Evaluated> evaluations) {
        if (funds.isEmpty()) {
            return null;
        }
        List<Fund> each = funds.stream().map(fund -> {
            BigDecimal committed = BigDecimal.ZERO;
            BigDecimal actual = BigDecimal.ZERO;
            BigDecimal drawn = BigDecimal.ZERO;
            for (Row row : rows) {
                if (!fund.fundId().equals(row.fundId()) || row.status() == PromotionStatus.CANCELLED
                        || row.committedSpend() == null) {
                    continue;
                }
                committed = committed.add(row.committedSpend());
                Evaluated evaluation = evaluations.get(row.promotion().promotionId());
                if (row.status() == PromotionStatus.EVALUATED && evaluation != null) {
                    actual = actual.add(evaluation.investment());
                    drawn = drawn.add(evaluation.investment());
                } else {
                    drawn = drawn.add(row.committedSpend());
                }
            }
            return new Fund(fund.fundId(), fund.category(), fund.source(), money(fund.budget()), money(committed),
                    money(actual), money(fund.budget().subtract(drawn)));
        }).toList();
        BigDecimal budget = each.stream().map(Fund::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal committed = each.stream().map(Fund::committed).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = each.stream().map(Fund::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = each.stream().map(Fund::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Funds(money(budget), money(committed), money(actual), money(remaining), each);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
