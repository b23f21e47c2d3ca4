package io.kam.projection.tradespend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.ConcessionWarning;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.projection.promotion.PromotionSection;
import io.kam.projection.tradespend.TradeSpendSection.Accrual;
import io.kam.projection.tradespend.TradeSpendSection.Accrued;
import io.kam.projection.tradespend.TradeSpendSection.Agreement;
import io.kam.projection.tradespend.TradeSpendSection.KindAccrued;
import io.kam.projection.tradespend.TradeSpendSection.KindCost;
import io.kam.projection.tradespend.TradeSpendSection.LastYear;
import io.kam.projection.tradespend.TradeSpendSection.Ledger;
import io.kam.projection.tradespend.TradeSpendSection.NationalAverage;
import io.kam.projection.tradespend.TradeSpendSection.Round;
import io.kam.projection.tradespend.TradeSpendSection.Term;
import io.kam.projection.tradespend.TradeSpendSection.TradeSpend;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an account's trade-spend section in the caller's transaction (the review's snapshot). Which agreement version
 * is in force on a day is derived here, never stored: among the versions whose period covers the day, the one signed
 * last (then the highest version), as an amendment replaces the version before it from its own first day.
 */
@Component
public class TradeSpendReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Who is in force when several versions cover a day: the one signed last, then the highest version. */
    private static final Comparator<Version> PRECEDENCE = Comparator.comparing(Version::signedOn)
            .thenComparing(Version::version).thenComparing(Version::agreementId).reversed();

    private final JdbcClient jdbc;

    TradeSpendReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's section for the review's year.
     *
     * @param target     the shown plan's {@code TRADE_SPEND_RATE} target; null without one
     * @param promotions the review's promotions section for the same year, whose spend accrues
     */
    public TradeSpendSection of(UUID accountId, int year, LocalDate today, @Nullable BigDecimal target,
                                PromotionSection promotions) {
        LocalDate on = day(year, today);
        List<Version> versions = jdbc.sql("select * from agreement_version where account_id = ?").param(accountId)
                .query(TradeSpendReader::version).list();
        Map<String, List<Term>> terms = new HashMap<>();
        jdbc.sql("select * from agreement_term where account_id = ? order by agreement_id, version, position")
                .param(accountId).query((ResultSet rs) -> {
                    terms.computeIfAbsent(key(rs.getObject("agreement_id", UUID.class), rs.getInt("version")),
                            k -> new ArrayList<>()).add(term(rs));
                });
        Version current = inForce(versions, on).orElse(null);
        Version before = inForce(versions, LocalDate.of(year - 1, 12, 31)).orElse(null);
        Agreement agreement = current == null ? null : agreement(current, terms.getOrDefault(current.key(), List.of()));
        TradeSpend spend = current == null ? null : new TradeSpend(current.tradeSpendPercent(),
                current.totalAnnualCost(), current.basis(), target,
                target == null ? null : current.tradeSpendPercent().subtract(target));
        LastYear lastYear = before == null ? null : new LastYear(year - 1, before.agreementId(), before.version(),
                before.tradeSpendPercent(), before.totalAnnualCost(), before.basis(),
                current == null ? null : current.tradeSpendPercent().subtract(before.tradeSpendPercent()));
        Accrued accrued = year > today.getYear() ? null
                : accrued(accountId, year, on, versions, current, terms, promotions);
        Applied applied = jdbc.sql("select count(*), max(occurred_at) from negotiation_event where account_id = ?")
                .param(accountId).query((rs, n) -> new Applied(rs.getLong(1),
                        instant(rs.getObject(2, OffsetDateTime.class)))).single();
        return new TradeSpendSection(year, on, agreement, spend, lastYear, nationalAverage(on).orElse(null), accrued,
                lastNegotiation(accountId).orElse(null), applied.asOf(), applied.count());
    }

    /**
     * The day whose agreements a review of the year shows: today in the current year, the last day of a past year, the
     * first day of a year to come.
     */
    public static LocalDate day(int year, LocalDate today) {
        if (year == today.getYear()) {
            return today;
        }
        return year < today.getYear() ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
    }

    private static Optional<Version> inForce(List<Version> versions, LocalDate day) {
        return versions.stream().filter(v -> v.covers(day)).min(PRECEDENCE);
    }

    private static Agreement agreement(Version v, List<Term> terms) {
        Map<TermKind, List<Term>> byKind = new EnumMap<>(TermKind.class);
        terms.forEach(t -> byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t));
        List<KindCost> costs = byKind.entrySet().stream().map(e -> {
            BigDecimal cost = e.getValue().stream().map(Term::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new KindCost(e.getKey(), money(cost), share(cost, v.basis().annualSales()), v.basis(),
                    List.copyOf(e.getValue()));
        }).toList();
        return new Agreement(v.agreementId(), v.version(), v.negotiationId(), v.from(), v.to(), v.signedOn(),
                v.amendmentReason(), v.basis(), v.financingRatePercent(), costs, v.totalAnnualCost(),
                v.tradeSpendPercent());
    }

    /**
     * From 1 January to {@code on}: each day's sell-through value under the version in force that day times its
     * percentage terms, the fixed fees of the version in force on {@code on} whole, and the promotions' spend.
     */
    private Accrued accrued(UUID accountId, int year, LocalDate on, List<Version> versions, @Nullable Version current,
                            Map<String, List<Term>> terms, PromotionSection promotions) {
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<LocalDate, BigDecimal> daily = new HashMap<>();
        jdbc.sql("select day, sales from sell_through_day where account_id = ? and day between ? and ?")
                .params(accountId, from, on).query((ResultSet rs) -> {
                    daily.put(rs.getObject("day", LocalDate.class), rs.getBigDecimal("sales"));
                });
        BigDecimal sales = daily.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Version, BigDecimal> salesUnder = new HashMap<>();
        daily.forEach((day, amount) -> inForce(versions, day)
                .ifPresent(v -> salesUnder.merge(v, amount, BigDecimal::add)));
        Map<TermKind, BigDecimal> onSellThrough = new EnumMap<>(TermKind.class);
        salesUnder.forEach((v, amount) -> terms.getOrDefault(v.key(), List.of()).stream()
                .filter(t -> t.appliedPercent() != null)
                .forEach(t -> onSellThrough.merge(t.kind(),
                        amount.multiply(t.appliedPercent()).divide(HUNDRED), BigDecimal::add)));
        Map<TermKind, BigDecimal> asAgreed = new EnumMap<>(TermKind.class);
        if (current != null) {
            terms.getOrDefault(current.key(), List.of()).stream().filter(t -> t.appliedPercent() == null)
                    .forEach(t -> asAgreed.merge(t.kind(), t.annualCost(), BigDecimal::add));
        }
        List<KindAccrued> byKind = new ArrayList<>();
        for (TermKind kind : TermKind.values()) {
            if (onSellThrough.containsKey(kind)) {
                byKind.add(new KindAccrued(kind, Accrual.ON_SELL_THROUGH, money(onSellThrough.get(kind))));
            }
            if (asAgreed.containsKey(kind)) {
                byKind.add(new KindAccrued(kind, Accrual.AS_AGREED, money(asAgreed.get(kind))));
            }
        }
        BigDecimal percentage = byKind.stream().filter(k -> k.accrual() == Accrual.ON_SELL_THROUGH)
                .map(KindAccrued::accrued).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fixed = byKind.stream().filter(k -> k.accrual() == Accrual.AS_AGREED)
                .map(KindAccrued::accrued).reduce(BigDecimal.ZERO, BigDecimal::add);
        PromotionSection.Spend spend = promotions.spend();
        BigDecimal evaluated = spend == null ? BigDecimal.ZERO : spend.evaluated();
        BigDecimal committed = spend == null ? BigDecimal.ZERO : spend.committed();
        BigDecimal promotion = money(evaluated.add(committed));
        return new Accrued(from, on, money(sales), money(percentage), money(fixed), promotion, money(evaluated),
                money(committed), money(percentage.add(fixed).add(promotion)), byKind);
    }

    /** The true trade spend % of an agreement in force, and the basis it was costed on. */
    public record InForce(BigDecimal tradeSpendPercent, SalesBasisSource basisSource) {
    }

    /**
     * Every account's agreement in force on the day, one per account (the latest signed, then the highest version):
     * the one the trade-spend section shows.
     */
    public Map<UUID, InForce> inForce(LocalDate on) {
        Map<UUID, InForce> inForce = new HashMap<>();
        jdbc.sql("""
                        select distinct on (account_id) account_id, trade_spend_percent, basis_source
                        from agreement_version where effective_from <= :on and effective_to >= :on
                        order by account_id, signed_on desc, version desc, agreement_id desc""")
                .param("on", on).query((ResultSet rs) -> {
                    inForce.put(rs.getObject("account_id", UUID.class), new InForce(
                            rs.getBigDecimal("trade_spend_percent"), SalesBasisSource.valueOf(rs.getString("basis_source"))));
                });
        return inForce;
    }

    /** Every account's agreement in force on the day, averaged. */
    private Optional<NationalAverage> nationalAverage(LocalDate on) {
        Map<UUID, InForce> agreements = inForce(on);
        if (agreements.isEmpty()) {
            return Optional.empty();
        }
        Map<SalesBasisSource, Long> bySource = new EnumMap<>(SalesBasisSource.class);
        for (SalesBasisSource source : SalesBasisSource.values()) {
            bySource.put(source, 0L);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (InForce agreement : agreements.values()) {
            sum = sum.add(agreement.tradeSpendPercent());
            bySource.merge(agreement.basisSource(), 1L, Long::sum);
        }
        return Optional.of(new NationalAverage(on, sum.divide(BigDecimal.valueOf(agreements.size()), 2,
                RoundingMode.HALF_UP), agreements.size(), bySource));
    }

    /** The ledger of the negotiation of the account's highest year. */
    private Optional<Ledger> lastNegotiation(UUID accountId) {
        return jdbc.sql("""
                        select * from negotiation where account_id = ?
                        order by year desc nulls last, opened_at desc nulls last, negotiation_id limit 1""")
                .param(accountId).query((rs, n) -> ledger(rs)).optional();
    }

    private Ledger ledger(ResultSet n) throws SQLException {
        UUID negotiationId = n.getObject("negotiation_id", UUID.class);
        TreeMap<Integer, RoundRow> rounds = new TreeMap<>();
        jdbc.sql("select * from negotiation_round where negotiation_id = ?").param(negotiationId)
                .query((ResultSet rs) -> {
                    rounds.put(rs.getInt("round"), new RoundRow(rs.getObject("held_on", LocalDate.class),
                            rs.getInt("asks"), rs.getInt("claims"), rs.getBoolean("senior_present")));
                });
        List<GiveRow> gives = jdbc.sql("select * from negotiation_give where negotiation_id = ? order by sequence")
                .param(negotiationId).query((rs, i) -> new GiveRow(rs.getInt("round"), rs.getBigDecimal("cost"),
                        rs.getString("get_kind") != null, rs.getBigDecimal("get_value"), rs.getBoolean("unreturned"),
                        rs.getBoolean("overridden"), Arrays.stream((String[]) rs.getArray("warnings").getArray())
                        .map(ConcessionWarning::valueOf).toList())).list();
        gives.forEach(g -> rounds.putIfAbsent(g.round(), new RoundRow(null, 0, 0, false)));
        List<Round> perRound = rounds.entrySet().stream().map(e -> {
            List<GiveRow> of = gives.stream().filter(g -> g.round() == e.getKey()).toList();
            RoundRow r = e.getValue();
            return new Round(e.getKey(), r.heldOn(), r.asks(), r.claims(), r.seniorPresent(), of.size(), cost(of),
                    of.stream().map(GiveRow::cost).max(Comparator.naturalOrder()).map(TradeSpendReader::money)
                            .orElse(null),
                    of.stream().filter(GiveRow::got).count(), of.stream().filter(GiveRow::unreturned).count(),
                    warnings(of));
        }).toList();
        List<GiveRow> unreturned = gives.stream().filter(GiveRow::unreturned).toList();
        BigDecimal budget = n.getBigDecimal("concession_budget");
        Integer revision = (Integer) n.getObject("preparation_revision");
        Integer approved = (Integer) n.getObject("approved_revision");
        BigDecimal givesCost = cost(gives);
        return new Ledger(negotiationId, (Integer) n.getObject("year"), n.getString("opened_by"), revision,
                revision != null && revision.equals(approved), n.getString("approved_by"),
                budget == null ? null : money(budget), (Integer) n.getObject("expected_asks"), rounds.size(),
                rounds.values().stream().mapToLong(RoundRow::asks).sum(),
                rounds.values().stream().mapToLong(RoundRow::claims).sum(), gives.size(), givesCost,
                gives.stream().filter(GiveRow::got).count(),
                money(gives.stream().map(GiveRow::getValue).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)),
                unreturned.size(), cost(unreturned), gives.stream().filter(GiveRow::overridden).count(),
                budget == null ? null : money(budget.subtract(givesCost)), warnings(gives),
                n.getObject("agreement_id", UUID.class), perRound);
    }

    private static Map<ConcessionWarning, Long> warnings(List<GiveRow> gives) {
        Map<ConcessionWarning, Long> counts = new EnumMap<>(ConcessionWarning.class);
        for (ConcessionWarning warning : ConcessionWarning.values()) {
            counts.put(warning, gives.stream().filter(g -> g.warnings().contains(warning)).count());
        }
        return counts;
    }

    private static BigDecimal cost(List<GiveRow> gives) {
        return money(gives.stream().map(GiveRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getObject("agreement_id", UUID.class), rs.getInt("version"),
                rs.getObject("negotiation_id", UUID.class), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class), rs.getObject("signed_on", LocalDate.class),
                new SalesBasis(SalesBasisSource.valueOf(rs.getString("basis_source")), rs.getBigDecimal("basis_sales"),
                        rs.getString("basis_note")),
                rs.getBigDecimal("financing_rate_percent"), rs.getBigDecimal("total_annual_cost"),
                rs.getBigDecimal("trade_spend_percent"), rs.getString("amendment_reason"));
    }

    private static Term term(ResultSet rs) throws SQLException {
        long units = rs.getLong("units");
        return new Term(rs.getObject("term_id", UUID.class), TermKind.valueOf(rs.getString("kind")),
                rs.getString("buyer_name"),
                JSON.readValue(rs.getString("value"), TermValue.class), rs.getBigDecimal("annual_cost"),
                rs.getBigDecimal("share_of_sales"), rs.wasNull() ? null : units, rs.getBigDecimal("applied_percent"));
    }

    private static String key(UUID agreementId, int version) {
        return agreementId + "/" + version;
    }

    private static BigDecimal share(BigDecimal cost, BigDecimal basis) {
        return cost.multiply(HUNDRED).divide(basis, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** A signed version as kept. */
    private record Version(UUID agreementId, int version, UUID negotiationId, LocalDate from, LocalDate to,
                           LocalDate signedOn, SalesBasis basis, BigDecimal financingRatePercent,
                           BigDecimal totalAnnualCost, BigDecimal tradeSpendPercent,
                           @Nullable String amendmentReason) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        String key() {
            return TradeSpendReader.key(agreementId, version);
        }
    }

    private record RoundRow(@Nullable LocalDate heldOn, int asks, int claims, boolean seniorPresent) {
    }

    private record GiveRow(int round, BigDecimal cost, boolean got, @Nullable BigDecimal getValue, boolean unreturned,
                           boolean overridden, List<ConcessionWarning> warnings) {
    }

    private record Applied(long count, @Nullable Instant asOf) {
    }
}
