package io.kam.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.negotiations.NegotiationsApplication;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.RunningService;
import io.kam.projection.ProjectionApplication;
import io.kam.projection.promotion.PromotionSection;
import io.kam.projection.tradespend.TradeSpendReader;
import io.kam.projection.tradespend.TradeSpendSection;

/**
 * {@code make bench}, negotiations part: the negotiations service and the projection on a real PostgreSQL server and a
 * real KRaft broker in this JVM, all on the same cores. It measures
 * <ol>
 *   <li>signing: for 200 accounts, each with 40 terms under the buyer's own names, the names mapped to canonical kinds
 *       (40 alias calls an account), then the year negotiated through the HTTP API (opened, prepared, approved by a
 *       second manager, a round recorded, the agreement signed: five calls, five transactions), by two writers; as
 *       agreements per second and per-signing latency, beside PostgreSQL's raw rate of single-row
 *       {@code INSERT … RETURNING} transactions into a table like the agreements' (same columns and keys, the terms'
 *       JSON of a real signing), by as many writers over plain JDBC, in the same run. Every account's true trade spend
 *       and total cost, as the service answered and as the projection holds them from {@code kam.negotiations.v1},
 *       must equal the bench's own costing of the terms it sent;</li>
 *   <li>the review's trade spend: 5 million sell-through rows (account × day × store × GTIN over the agreements' year)
 *       loaded into the projection's fact table with COPY; then the recompute from them: the projection's daily
 *       aggregate rebuilt from the facts, and the review's accrual ({@link TradeSpendReader}: each day's sell-through
 *       under the version in force × its percentage terms, the fixed fees whole) for every account; as rows per
 *       second beside a raw sequential scan and aggregate of the same table ({@code select count(*), sum(sales)}),
 *       warm, in the same run. The accrued sell-through and percentage terms of every account must equal a direct
 *       SQL sum of its rows times its percents.</li>
 * </ol>
 * Settings (system properties): {@code kam.bench.negotiations.accounts} (200), {@code .sell-through-rows} (5000000),
 * {@code .writers} (2). Figures go to {@code bench-results/negotiations-<time>.json} and standard output.
 */
public final class NegotiationsBenchmark {

    private static final int WARM_UP_ACCOUNTS = 10;
    private static final int TRANSACTIONS_PER_SIGNING = 5;
    private static final int RAW_INSERTS_PER_WRITER = 5_000;

    private NegotiationsBenchmark() {
    }

    public static void main(String[] args) {
        PipelineBenchmark.exitAfter(NegotiationsBenchmark::run);
    }

    private static void run() throws Exception {
        int accountCount = Integer.getInteger("kam.bench.negotiations.accounts", 200);
        long factRows = Long.getLong("kam.bench.negotiations.sell-through-rows", 5_000_000L);
        int writers = Integer.getInteger("kam.bench.negotiations.writers", 2);
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        int year = today.getYear() - 1; // a whole year of sell-through to date: the review's 31 December
        Map<String, Object> quiet = Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off");

        try (RunningService negotiations = RunningService.start(NegotiationsApplication.class, "bench_negotiations", quiet);
             RunningService projection = RunningService.start(ProjectionApplication.class, "bench_negotiations_projection",
                     quiet)) {
            DataSource negotiationsDb = negotiations.bean(DataSource.class);
            DataSource projectionDb = projection.bean(DataSource.class);
            JdbcClient projectionJdbc = JdbcClient.create(projectionDb);
            var workload = new NegotiationsWorkload(JdbcClient.create(negotiationsDb), negotiations.baseUrl(), year,
                    new BigDecimal(negotiations.context().getEnvironment()
                            .getRequiredProperty("kam.negotiations.financing-rate-percent")));

            PipelineBenchmark.log("master data: " + accountCount + " accounts (+" + WARM_UP_ACCOUNTS + " warm-up)");
            List<NegotiationsWorkload.Account> warm = new ArrayList<>();
            for (int a = 0; a < WARM_UP_ACCOUNTS; a++) {
                warm.add(workload.account(accountCount + a, "Warm-up"));
            }
            List<NegotiationsWorkload.Account> accounts = new ArrayList<>();
            for (int a = 0; a < accountCount; a++) {
                accounts.add(workload.account(a, "Bench"));
            }

            PipelineBenchmark.log("warming up: " + WARM_UP_ACCOUNTS + " accounts mapped and signed");
            for (var account : warm) {
                var terms = NegotiationsWorkload.terms(account);
                workload.mapAliases(account, terms);
                workload.negotiate(account, terms);
            }

            PipelineBenchmark.log("aliases: " + accountCount + " accounts × " + NegotiationsWorkload.TERMS + " names, "
                    + writers + " writers");
            long aliasStart = System.nanoTime();
            parallel(writers, accounts, account -> {
                workload.mapAliases(account, NegotiationsWorkload.terms(account));
                return null;
            });
            double aliasSeconds = (System.nanoTime() - aliasStart) / 1e9;

            PipelineBenchmark.log("signing: " + accountCount + " accounts × " + NegotiationsWorkload.TERMS + " terms, "
                    + writers + " writers");
            List<Long> flowMicros = Collections.synchronizedList(new ArrayList<>());
            List<Long> signMicros = Collections.synchronizedList(new ArrayList<>());
            Map<UUID, NegotiationsWorkload.Signed> signed = Collections.synchronizedMap(new HashMap<>());
            long signStart = System.nanoTime();
            parallel(writers, accounts, account -> {
                long start = System.nanoTime();
                var result = workload.negotiate(account, NegotiationsWorkload.terms(account));
                flowMicros.add((System.nanoTime() - start) / 1_000);
                signMicros.add(result.signMicros());
                signed.put(account.id(), result);
                return null;
            });
            double signSeconds = (System.nanoTime() - signStart) / 1e9;
            PipelineBenchmark.log(accountCount + " agreements signed in " + PipelineBenchmark.round(signSeconds) + " s");

            PipelineBenchmark.log("raw limit: single-row INSERT … RETURNING transactions over JDBC, " + writers + " writers");
            String sampleTerms = JdbcClient.create(negotiationsDb)
                    .sql("select terms::text from agreement_version where account_id = ?")
                    .param(accounts.getFirst().id()).query(String.class).single();
            double rawInserts = 0;
            for (int run = 0; run < 2; run++) {
                rawInserts = Math.max(rawInserts, rawInsertRate(negotiationsDb, writers, sampleTerms));
            }

            PipelineBenchmark.log("exactness: the service's and the projection's figures against the bench's costing");
            Map<UUID, NegotiationsWorkload.Expected> expected = new HashMap<>();
            int serviceMatches = 0;
            List<String> mismatches = new ArrayList<>();
            for (var account : accounts) {
                var e = workload.expected(account, NegotiationsWorkload.terms(account));
                expected.put(account.id(), e);
                var terms = signed.get(account.id()).terms();
                boolean same = terms.path("tradeSpendPercent").decimalValue().compareTo(e.tradeSpendPercent()) == 0
                        && terms.path("totalAnnualCost").decimalValue().compareTo(e.totalAnnualCost()) == 0;
                if (same) {
                    serviceMatches++;
                } else if (mismatches.size() < 5) {
                    mismatches.add("service, account " + account.number() + ": " + terms.path("tradeSpendPercent")
                            + " % / " + terms.path("totalAnnualCost") + " against " + e.tradeSpendPercent() + " % / "
                            + e.totalAnnualCost());
                }
            }
            long projected = accountCount + WARM_UP_ACCOUNTS;
            long catchUpStart = System.nanoTime();
            Awaitility.await("the projection holds every agreement").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> projectionJdbc.sql("select count(*) from agreement_version").query(Long.class).single()
                            >= projected);
            double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
            int projectionMatches = 0;
            for (var account : accounts) {
                var e = expected.get(account.id());
                var row = projectionJdbc.sql("""
                                select trade_spend_percent, total_annual_cost from agreement_version where account_id = ?""")
                        .param(account.id()).query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                        .single();
                if (row[0].compareTo(e.tradeSpendPercent()) == 0 && row[1].compareTo(e.totalAnnualCost()) == 0) {
                    projectionMatches++;
                } else if (mismatches.size() < 10) {
                    mismatches.add("projection, account " + account.number() + ": " + row[0] + " % / " + row[1]);
                }
            }
            long projectedTerms = projectionJdbc.sql("select count(*) from agreement_term").query(Long.class).single();

            PipelineBenchmark.log("sell-through: " + factRows + " rows loaded with COPY");
            FactRows facts = new FactRows(accounts, year, factRows);
            long copyStart = System.nanoTime();
            long copied;
            try (Connection connection = projectionDb.getConnection()) {
                copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy sell_through_fact (account_id, day, store_code, gtin, units, sales, stock) from stdin",
                        facts, 1 << 16);
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            PipelineBenchmark.log(copied + " rows copied in " + PipelineBenchmark.round(copySeconds) + " s");
            projectionJdbc.sql("vacuum analyze sell_through_fact").update();

            PipelineBenchmark.log("raw limit: a sequential scan and aggregate of the same table");
            double scanRate = 0;
            double serialScanRate = 0;
            BigDecimal scannedSales = null;
            long scannedRows = 0;
            for (int run = 0; run < 2; run++) {
                for (boolean serial : new boolean[] {false, true}) {
                    try (Connection connection = projectionDb.getConnection(); var st = connection.createStatement()) {
                        st.execute("set max_parallel_workers_per_gather = " + (serial ? "0" : "default"));
                        long start = System.nanoTime();
                        try (var rs = st.executeQuery("select count(*), sum(sales) from sell_through_fact")) {
                            rs.next();
                            scannedRows = rs.getLong(1);
                            scannedSales = rs.getBigDecimal(2);
                        }
                        double rate = scannedRows / ((System.nanoTime() - start) / 1e9);
                        if (serial) {
                            serialScanRate = Math.max(serialScanRate, rate);
                        } else {
                            scanRate = Math.max(scanRate, rate);
                        }
                        st.execute("reset max_parallel_workers_per_gather");
                    }
                }
            }

            PipelineBenchmark.log("recompute: the daily aggregate from the facts, then every account's accrual");
            PromotionSection noPromotions = new PromotionSection(year, List.of(), List.of(), List.of(), List.of(), null,
                    null, null, null);
            TradeSpendReader reader = projection.bean(TradeSpendReader.class);
            TransactionTemplate transactions = new TransactionTemplate(projection.bean(PlatformTransactionManager.class));
            long recomputeStart = System.nanoTime();
            int dailyRows = transactions.execute(status -> projectionJdbc.sql("""
                    insert into sell_through_day (account_id, day, units, sales)
                    select account_id, day, sum(units), sum(sales) from sell_through_fact group by account_id, day""")
                    .update());
            long aggregated = System.nanoTime();
            TransactionTemplate readOnly = new TransactionTemplate(projection.bean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            Map<UUID, TradeSpendSection.Accrued> accrued = new HashMap<>();
            for (var account : accounts) {
                accrued.put(account.id(), readOnly.execute(status ->
                        reader.of(account.id(), year, today, null, noPromotions).accrued()));
            }
            long recomputeEnd = System.nanoTime();
            double aggregateSeconds = (aggregated - recomputeStart) / 1e9;
            double readSeconds = (recomputeEnd - aggregated) / 1e9;
            double recomputeSeconds = (recomputeEnd - recomputeStart) / 1e9;
            PipelineBenchmark.log("recomputed in " + PipelineBenchmark.round(recomputeSeconds) + " s (aggregate "
                    + PipelineBenchmark.round(aggregateSeconds) + " s, " + accountCount + " accruals "
                    + PipelineBenchmark.round(readSeconds) + " s)");

            PipelineBenchmark.log("exactness: accrued against the direct SQL sums");
            Map<UUID, BigDecimal> direct = new HashMap<>();
            projectionJdbc.sql("select account_id, sum(sales) from sell_through_fact group by account_id")
                    .query((rs, n) -> direct.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).list();
            int accrualMatches = 0;
            BigDecimal accruedSales = BigDecimal.ZERO;
            BigDecimal accruedPercentage = BigDecimal.ZERO;
            BigDecimal accruedTotal = BigDecimal.ZERO;
            for (var account : accounts) {
                var a = accrued.get(account.id());
                var e = expected.get(account.id());
                BigDecimal sales = direct.getOrDefault(account.id(), BigDecimal.ZERO);
                BigDecimal percentage = NegotiationsWorkload.percentageAccrual(e, sales);
                boolean same = a != null && a.sellThroughSales().compareTo(sales) == 0
                        && sales.compareTo(facts.sales(account.number())) == 0
                        && a.percentageTerms().compareTo(percentage) == 0
                        && a.fixedFees().compareTo(e.fixedFees()) == 0
                        && a.total().compareTo(percentage.add(e.fixedFees())) == 0;
                if (same) {
                    accrualMatches++;
                } else if (mismatches.size() < 15) {
                    mismatches.add("accrual, account " + account.number() + ": " + a + " against sales " + sales
                            + ", percentage terms " + percentage + ", fixed " + e.fixedFees());
                }
                if (a != null) {
                    accruedSales = accruedSales.add(a.sellThroughSales());
                    accruedPercentage = accruedPercentage.add(a.percentageTerms());
                    accruedTotal = accruedTotal.add(a.total());
                }
            }
            boolean grandTotal = scannedSales != null && accruedSales.compareTo(scannedSales) == 0
                    && scannedSales.compareTo(facts.totalSales()) == 0 && scannedRows == factRows && copied == factRows;

            flowMicros.sort(null);
            signMicros.sort(null);
            double signingsPerSecond = accountCount / signSeconds;

            Map<String, Object> signing = new LinkedHashMap<>();
            signing.put("accounts", accountCount);
            signing.put("termsPerAccount", NegotiationsWorkload.TERMS);
            signing.put("writers", writers);
            signing.put("warmUpAccounts", WARM_UP_ACCOUNTS);
            signing.put("aliasCalls", accountCount * NegotiationsWorkload.TERMS);
            signing.put("aliasSeconds", PipelineBenchmark.round(aliasSeconds));
            signing.put("aliasesPerSecond", Math.round(accountCount * NegotiationsWorkload.TERMS / aliasSeconds));
            signing.put("aliasShareOfRawInserts",
                    PipelineBenchmark.round(accountCount * NegotiationsWorkload.TERMS / aliasSeconds / rawInserts));
            signing.put("callsPerSigning", TRANSACTIONS_PER_SIGNING);
            signing.put("seconds", PipelineBenchmark.round(signSeconds));
            signing.put("agreementsPerSecond", PipelineBenchmark.round(signingsPerSecond));
            signing.put("termsNormalisedPerSecond", Math.round(signingsPerSecond * NegotiationsWorkload.TERMS));
            signing.put("serviceTransactionsPerSecond", Math.round(signingsPerSecond * TRANSACTIONS_PER_SIGNING));
            signing.put("signingP50Millis", PipelineBenchmark.round(PipelineBenchmark.percentile(flowMicros, 0.50) / 1e3));
            signing.put("signingP99Millis", PipelineBenchmark.round(PipelineBenchmark.percentile(flowMicros, 0.99) / 1e3));
            signing.put("agreementCallP50Millis", PipelineBenchmark.round(PipelineBenchmark.percentile(signMicros, 0.50) / 1e3));
            signing.put("agreementCallP99Millis", PipelineBenchmark.round(PipelineBenchmark.percentile(signMicros, 0.99) / 1e3));
            signing.put("rawInsertReturningTransactionsPerSecond", Math.round(rawInserts));
            signing.put("rawInsertTermsJsonBytes", sampleTerms.length());
            signing.put("agreementsShareOfRawInserts", PipelineBenchmark.round(signingsPerSecond / rawInserts));
            signing.put("transactionsShareOfRawInserts",
                    PipelineBenchmark.round(signingsPerSecond * TRANSACTIONS_PER_SIGNING / rawInserts));
            signing.put("serviceTradeSpendMatches", serviceMatches);
            signing.put("projectionTradeSpendMatches", projectionMatches);
            signing.put("projectionCaughtUpSecondsAfterChecks", PipelineBenchmark.round(catchUpSeconds));
            signing.put("projectedTerms", projectedTerms);

            Map<String, Object> recompute = new LinkedHashMap<>();
            recompute.put("year", year);
            recompute.put("sellThroughRows", copied);
            recompute.put("copySeconds", PipelineBenchmark.round(copySeconds));
            recompute.put("copyRowsPerSecond", Math.round(copied / copySeconds));
            recompute.put("dailyRows", dailyRows);
            recompute.put("aggregateSeconds", PipelineBenchmark.round(aggregateSeconds));
            recompute.put("accrualsSeconds", PipelineBenchmark.round(readSeconds));
            recompute.put("accrualMillisPerAccount", PipelineBenchmark.round(readSeconds * 1e3 / accountCount));
            recompute.put("seconds", PipelineBenchmark.round(recomputeSeconds));
            recompute.put("rowsPerSecond", Math.round(copied / recomputeSeconds));
            recompute.put("rawScanAggregateRowsPerSecond", Math.round(scanRate));
            recompute.put("rawSerialScanAggregateRowsPerSecond", Math.round(serialScanRate));
            recompute.put("shareOfRawScan", PipelineBenchmark.round(copied / recomputeSeconds / scanRate));
            recompute.put("shareOfRawSerialScan", PipelineBenchmark.round(copied / recomputeSeconds / serialScanRate));
            recompute.put("sellThroughSales", accruedSales);
            recompute.put("directSqlSales", scannedSales);
            recompute.put("generatedSales", facts.totalSales());
            recompute.put("percentageTermsAccrued", accruedPercentage);
            recompute.put("totalAccrued", accruedTotal);
            recompute.put("accountsAccruedExactly", accrualMatches);
            recompute.put("grandTotalMatches", grandTotal);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "negotiations");
            result.put("at", Instant.now().toString());
            result.put("command", "./mvnw -B -ntp -o -pl services/bench exec:exec@negotiations-bench");
            result.put("settings", Map.of("accounts", accountCount, "sellThroughRows", factRows, "writers", writers));
            result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
            result.put("signing", signing);
            result.put("reviewTradeSpend", recompute);
            result.put("mismatches", mismatches);
            result.put("exact", serviceMatches == accountCount && projectionMatches == accountCount
                    && accrualMatches == accountCount && grandTotal);
            PipelineBenchmark.write("negotiations", result);
            summary(signing, recompute);
            if (!(Boolean) result.get("exact")) {
                throw new IllegalStateException("figures do not match their sources: " + mismatches);
            }
        }
    }

    /** A summary table beside the JSON. */
    private static void summary(Map<String, Object> signing, Map<String, Object> recompute) {
        System.out.println();
        System.out.printf("%-44s %-34s %-34s %s%n", "", "ours", "raw limit (same run)", "share");
        System.out.printf("%-44s %-34s %-34s %s%n", "agreements signed (" + signing.get("accounts") + " × "
                        + signing.get("termsPerAccount") + " terms)",
                signing.get("agreementsPerSecond") + "/s, p50 " + signing.get("signingP50Millis") + " ms, p99 "
                        + signing.get("signingP99Millis") + " ms",
                signing.get("rawInsertReturningTransactionsPerSecond") + " INSERT…RETURNING tx/s",
                signing.get("agreementsShareOfRawInserts") + " (tx: " + signing.get("transactionsShareOfRawInserts") + ")");
        System.out.printf("%-44s %-34s %-34s %s%n", "aliases mapped", signing.get("aliasesPerSecond") + "/s", "",
                signing.get("aliasShareOfRawInserts"));
        System.out.printf("%-44s %-34s %-34s %s%n", "review trade spend from " + recompute.get("sellThroughRows") + " rows",
                recompute.get("seconds") + " s, " + recompute.get("rowsPerSecond") + " rows/s",
                recompute.get("rawScanAggregateRowsPerSecond") + " rows/s (serial "
                        + recompute.get("rawSerialScanAggregateRowsPerSecond") + ")",
                recompute.get("shareOfRawScan") + " (serial " + recompute.get("shareOfRawSerialScan") + ")");
        System.out.printf("exact: service %s, projection %s, accruals %s of %s accounts; grand total %s%n",
                signing.get("serviceTradeSpendMatches"), signing.get("projectionTradeSpendMatches"),
                recompute.get("accountsAccruedExactly"), signing.get("accounts"), recompute.get("grandTotalMatches"));
    }

    @FunctionalInterface
    private interface PerAccount {
        Object apply(NegotiationsWorkload.Account account) throws Exception;
    }

    /** Runs the work for every account on that many writers, each taking the next account. */
    private static void parallel(int writers, List<NegotiationsWorkload.Account> accounts, PerAccount work)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < accounts.size(); ) {
                        work.apply(accounts.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * PostgreSQL's raw rate of single-row {@code INSERT … RETURNING} transactions (autocommit) into a table like
     * {@code agreement_version} (same columns, key and index), each row carrying a real agreement's terms JSON, by
     * that many writers over plain JDBC at once.
     */
    private static double rawInsertRate(DataSource database, int writers, String terms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Connection> connections = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Connection connection = database.getConnection();
                try (var st = connection.createStatement()) {
                    st.execute("create temporary table insert_probe (like agreement_version including all)");
                }
                connection.setAutoCommit(true);
                connections.add(connection);
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Connection connection : connections) {
                running.add(pool.submit(() -> {
                    try (var insert = connection.prepareStatement("""
                            insert into insert_probe (agreement_id, version, account_id, negotiation_id, year,
                                effective_from, effective_to, terms, trade_spend, recorded_by, recorded_at)
                            values (?, 1, ?, ?, 2025, date '2025-01-01', date '2025-12-31', cast(? as jsonb), 9.99,
                                'nora', now())
                            returning agreement_id""")) {
                        for (int i = 0; i < RAW_INSERTS_PER_WRITER; i++) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, UUID.randomUUID());
                            insert.setObject(3, UUID.randomUUID());
                            insert.setString(4, terms);
                            try (var rs = insert.executeQuery()) {
                                rs.next();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Connection connection : connections) {
                try (var st = connection.createStatement()) {
                    st.execute("drop table insert_probe");
                }
                connection.close();
            }
            return writers * (double) RAW_INSERTS_PER_WRITER / seconds;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The sell-through facts, generated as a COPY text stream: exactly {@code rows} rows spread over the accounts, each
     * account's over every day of the year, (store, GTIN) pairs within a day, in the table's key order within an
     * account. It adds up each account's sales (in fen) as it goes, so the recompute can be checked against what was
     * sent.
     */
    static final class FactRows extends InputStream {

        private static final int STORES = 50;
        private final List<NegotiationsWorkload.Account> accounts;
        private final LocalDate first;
        private final int days;
        private final long rows;
        private final long[] salesFen;
        private int account;
        private int day;
        private long inDay;
        private long k;
        private long emitted;
        private byte[] line = new byte[0];
        private int position;

        FactRows(List<NegotiationsWorkload.Account> accounts, int year, long rows) {
            this.accounts = accounts;
            this.first = LocalDate.of(year, 1, 1);
            this.days = first.lengthOfYear();
            this.rows = rows;
            this.salesFen = new long[accounts.size()];
            this.inDay = rowsOfDay(0, 0);
        }

        private long rowsOf(int a) {
            return rows / accounts.size() + (a < rows % accounts.size() ? 1 : 0);
        }

        private long rowsOfDay(int a, int d) {
            long n = rowsOf(a);
            return n / days + (d < n % days ? 1 : 0);
        }

        /** The sales generated for the account of this number, yuan. */
        BigDecimal sales(int number) {
            return BigDecimal.valueOf(salesFen[number], 2);
        }

        BigDecimal totalSales() {
            long total = 0;
            for (long fen : salesFen) {
                total += fen;
            }
            return BigDecimal.valueOf(total, 2);
        }

        private boolean nextLine() {
            if (account == accounts.size()) {
                return false;
            }
            while (k >= inDay) {
                k = 0;
                day++;
                if (day == days) {
                    day = 0;
                    account++;
                }
                if (account == accounts.size()) {
                    return false;
                }
                inDay = rowsOfDay(account, day);
            }
            var a = accounts.get(account);
            long units = 1 + (a.number() * 31L + day * 7L + k * 13L) % 40;
            long price = 150 + (k * 7919) % 5000;
            long fen = units * price;
            salesFen[a.number()] += fen;
            String text = a.id() + "\t" + first.plusDays(day) + "\tS" + (k % STORES) + "\t"
                    + PromotionsWorkload.gtin((int) (k / STORES)) + "\t" + units + "\t" + fen / 100 + "."
                    + (fen % 100 < 10 ? "0" : "") + fen % 100 + "\t" + (k % 90) + "\n";
            line = text.getBytes(StandardCharsets.US_ASCII);
            position = 0;
            k++;
            emitted++;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (position == line.length && !nextLine()) {
                    break;
                }
                int n = Math.min(length - written, line.length - position);
                System.arraycopy(line, position, buffer, offset + written, n);
                position += n;
                written += n;
            }
            return written == 0 && length > 0 ? -1 : written;
        }

        long emitted() {
            return emitted;
        }
    }
}
