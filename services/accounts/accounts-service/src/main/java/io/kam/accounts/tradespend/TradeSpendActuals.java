package io.kam.accounts.tradespend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The actual of the plan KPI {@code TRADE_SPEND_RATE} for an account's year: the true trade spend % of the agreement
 * version in force, with the source of its sales basis (ADR 0012). The figure is an annual rate, so the year shows one
 * version's: the one in force on the year's day that is today (the year's first day for a year to come, its last for
 * a year gone by). An amendment replaces its previous version from its {@code effectiveFrom}, so on a day several
 * versions cover, the highest version wins. On a day no version covers, the year shows the version that was in force
 * last before it, else the first one to come into force after it. Empty when no agreement is in force in the year.
 */
@Component
public class TradeSpendActuals {

    /**
     * The agreed trade spend as the year's actual: {@code percent} of sales (two places) on a sales basis from
     * {@code basisSource} (a {@code SalesBasisSource} name), as of {@code asOf}, from agreement {@code agreementId}'s
     * version {@code version}, in force {@code effectiveFrom} to {@code effectiveTo}.
     */
    public record TradeSpendActual(BigDecimal percent, String basisSource, LocalDate asOf, UUID agreementId,
                                   int version, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    private record Row(UUID agreementId, int version, LocalDate from, LocalDate to, BigDecimal percent,
                       String basisSource) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final JdbcClient jdbc;

    TradeSpendActuals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TradeSpendActual> forYear(UUID accountId, int year, LocalDate today) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate asOf = today.isBefore(first) ? first : today.isAfter(last) ? last : today;
        List<Row> rows = jdbc.sql("""
                        select agreement_id, version, effective_from, effective_to, trade_spend_percent, basis_source
                        from agreed_trade_spend
                        where account_id = :account and effective_from <= :last and effective_to >= :first""")
                .param("account", accountId).param("first", first).param("last", last)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                        rs.getString(6)))
                .list();
        Comparator<Row> newestVersion = Comparator.comparingInt(Row::version).thenComparing(Row::from);
        Optional<Row> chosen = rows.stream().filter(r -> r.covers(asOf)).max(newestVersion)
                .or(() -> rows.stream().filter(r -> r.to().isBefore(asOf))
                        .max(Comparator.comparing(Row::to).thenComparing(newestVersion)))
                .or(() -> rows.stream().filter(r -> r.from().isAfter(asOf))
                        .min(Comparator.comparing(Row::from).thenComparing(newestVersion.reversed())));
        return chosen.map(r -> new TradeSpendActual(r.percent(), r.basisSource(), asOf, r.agreementId(), r.version(),
                r.from(), r.to()));
    }
}
