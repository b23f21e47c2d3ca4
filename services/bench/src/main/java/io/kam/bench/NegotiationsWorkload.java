package io.kam.bench;

import static io.kam.bench.ServiceCalls.expect;
import static io.kam.bench.ServiceCalls.etag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the negotiations benchmark drives: accounts with their stores and new listings in the negotiations service's
 * replica, 40 terms per account under the buyer's own names (mapped to canonical kinds through the alias API), and
 * each account's year negotiated through the HTTP API as national KA managers do it: opened, prepared, approved by a
 * second manager, a round recorded, the agreement signed. It also costs every account's terms itself, from the values
 * it sent and the counts it wrote, by the rules of ADR 0012, without the service's code, so that the service's figures
 * can be checked to the fen.
 */
final class NegotiationsWorkload {

    static final int TERMS = 40;
    /** Decimals read as decimals, so that the service's figures compare to the fen. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String NORA = ServiceCalls.NORA;
    private static final String NATE = ServiceCalls.NATE;

    /** The kinds and shapes of the terms, each account's 40 being these 20 twice under different buyer's names. */
    private static final TermKind[] KINDS = {TermKind.ON_INVOICE_DISCOUNT, TermKind.OFF_INVOICE_REBATE,
            TermKind.OFF_INVOICE_REBATE, TermKind.GROWTH_REBATE, TermKind.LISTING_FEE, TermKind.LISTING_FEE,
            TermKind.LISTING_FEE, TermKind.PROMOTION_FEE, TermKind.PROMOTION_FEE, TermKind.PROMOTION_FEE,
            TermKind.NEW_STORE_FEE, TermKind.ANNIVERSARY_FEE, TermKind.ANNIVERSARY_FEE, TermKind.DM_FEE,
            TermKind.DM_FEE, TermKind.LOGISTICS_FEE, TermKind.LOGISTICS_FEE, TermKind.PAYMENT_TERMS,
            TermKind.RETURNS_ALLOWANCE, TermKind.OTHER};
    private static final ValueShape[] SHAPES = {ValueShape.PERCENT_OF_SALES, ValueShape.PERCENT_OF_SALES,
            ValueShape.FIXED_AMOUNT, ValueShape.TIERED, ValueShape.PER_SKU_LISTED, ValueShape.PER_STORE,
            ValueShape.PER_SKU_PER_STORE, ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE, ValueShape.PERCENT_OF_SALES,
            ValueShape.PER_STORE, ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE, ValueShape.FIXED_AMOUNT,
            ValueShape.PER_STORE, ValueShape.PERCENT_OF_SALES, ValueShape.FIXED_AMOUNT, ValueShape.DAYS,
            ValueShape.PERCENT_OF_SALES, ValueShape.PER_SKU_LISTED};

    private final JdbcClient db;
    private final int year;
    private final BigDecimal financingRate;
    private final ServiceCalls calls;

    NegotiationsWorkload(JdbcClient db, String baseUrl, int year, BigDecimal financingRate) {
        this.db = db;
        this.calls = new ServiceCalls(baseUrl, JSON);
        this.year = year;
        this.financingRate = financingRate.setScale(2, RoundingMode.HALF_UP);
    }

    /** One account of the benchmark: what its terms are counted on, as written into the replica. */
    record Account(int number, UUID id, BigDecimal basis, long storesOpen, long storesOpening, long newListings) {
    }

    /** A term as the bench sends it: the buyer's name, its kind (mapped by alias) and its signed (opening) value. */
    record TermSpec(String buyerName, TermKind kind, Map<String, Object> value, Map<String, Object> target,
                    Map<String, Object> walkAway) {
    }

    /** What the bench expects of an account's agreement, costed by itself. */
    record Expected(BigDecimal totalAnnualCost, BigDecimal tradeSpendPercent, Map<TermKind, BigDecimal> percentByKind,
                    BigDecimal fixedFees) {
    }

    /**
     * The account in the replica the accounts and visits listeners keep (their paths are tested on the real broker in
     * the service's tests): open stores, stores opening in the year, one closed before it and one closed in it, SKUs
     * first listed in the year and three listed the year before. Not measured.
     */
    Account account(int number, String prefix) {
        UUID id = UUID.randomUUID();
        db.sql("insert into known_account (id, name) values (?, ?)").params(id, prefix + " Mart " + number).update();
        int open = 20 + number % 11;
        int opening = 1 + number % 4;
        for (int s = 0; s < open; s++) {
            store(id, LocalDate.of(year - 6, 5, 1), null);
        }
        for (int s = 0; s < opening; s++) {
            store(id, LocalDate.of(year, 1 + s % 12, 15), null);
        }
        store(id, LocalDate.of(year - 7, 1, 1), LocalDate.of(year - 1, 6, 30));
        store(id, LocalDate.of(year - 7, 1, 1), LocalDate.of(year, 8, 31));
        int listed = 5 + number % 7;
        for (int g = 0; g < listed + 3; g++) {
            LocalDate first = g < listed ? LocalDate.of(year, 2, 10).plusDays(g * 9L) : LocalDate.of(year - 1, 11, 1);
            db.sql("insert into known_listing (account_id, gtin, first_listed, listed) values (?, ?, ?, true)")
                    .params(id, PromotionsWorkload.gtin(g), first).update();
        }
        BigDecimal basis = new BigDecimal("50000000.00").add(new BigDecimal("1234567.89").multiply(BigDecimal.valueOf(number)));
        return new Account(number, id, basis, open + opening + 1, opening, listed);
    }

    private void store(UUID account, LocalDate opened, LocalDate closed) {
        db.sql("insert into known_store (id, account_id, opening_date, closed_on) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), account, opened, closed).update();
    }

    /** The account's 40 terms, its values varying with the account. */
    static List<TermSpec> terms(Account account) {
        List<TermSpec> terms = new ArrayList<>(TERMS);
        int a = account.number();
        for (int j = 0; j < TERMS; j++) {
            int t = j % KINDS.length;
            String name = (j < KINDS.length ? "费用 " : "Fee ") + (j + 1) + " " + KINDS[t].name().toLowerCase();
            int v = (a * 7 + j * 3) % 40;
            terms.add(new TermSpec(name, KINDS[t], value(SHAPES[t], v, 0, account.basis()),
                    value(SHAPES[t], v, 1, account.basis()), value(SHAPES[t], v, 2, account.basis())));
        }
        return terms;
    }

    /** A value of the shape; each step up costs more (opening, target, walk-away). */
    private static Map<String, Object> value(ValueShape shape, int v, int step, BigDecimal basis) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("shape", shape.name());
        switch (shape) {
            case PERCENT_OF_SALES -> value.put("percent", BigDecimal.valueOf(25 + v + 10L * step, 2));
            case FIXED_AMOUNT -> value.put("amount", BigDecimal.valueOf(8_000_000L + v * 137_013L + 1_000_000L * step, 2));
            case PER_STORE -> value.put("amount", BigDecimal.valueOf(150_000L + v * 2_017L + 10_000L * step, 2));
            case PER_SKU_LISTED -> value.put("amount", BigDecimal.valueOf(300_000L + v * 4_999L + 10_000L * step, 2));
            case PER_SKU_PER_STORE -> value.put("amount", BigDecimal.valueOf(5_000L + v * 101L + 1_000L * step, 2));
            case DAYS -> value.put("days", 30 + v + 5 * step);
            case TIERED -> value.put("tiers", List.of(
                    Map.of("salesFrom", basis.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP),
                            "percent", BigDecimal.valueOf(50 + v + 10L * step, 2)),
                    Map.of("salesFrom", basis.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP),
                            "percent", BigDecimal.valueOf(100 + v + 10L * step, 2)),
                    Map.of("salesFrom", basis.multiply(new BigDecimal("1.5")).setScale(2, RoundingMode.HALF_UP),
                            "percent", BigDecimal.valueOf(200 + v + 10L * step, 2))));
        }
        return value;
    }

    /** Maps the account's 40 buyer's names to their kinds: one PUT each. */
    void mapAliases(Account account, List<TermSpec> terms) throws Exception {
        for (TermSpec term : terms) {
            expect(200, send("PUT", "/api/negotiations/aliases", NORA, Map.of("accountId", account.id(),
                    "buyerName", term.buyerName(), "kind", term.kind().name()), null));
        }
    }

    /** The service's answer to a signing: its trade spend, total and terms as signed. */
    record Signed(UUID agreementId, JsonNode terms, long signMicros) {
    }

    /**
     * The account's year from opening to the signed agreement: open, submit the preparation (nora), approve it (nate),
     * record a round, sign at the opening values. Five calls, five transactions.
     */
    Signed negotiate(Account account, List<TermSpec> terms) throws Exception {
        var opened = expect(201, send("POST", "/api/negotiations", NORA,
                Map.of("accountId", account.id(), "year", year), null));
        String id = JSON.readTree(opened.body()).path("id").asString();
        List<Map<String, Object>> prepared = new ArrayList<>();
        for (TermSpec t : terms) {
            prepared.add(Map.of("buyerName", t.buyerName(), "opening", t.value(), "target", t.target(),
                    "walkAway", t.walkAway()));
        }
        var preparation = expect(200, send("PUT", "/api/negotiations/" + id + "/preparation", NORA, Map.of(
                "terms", prepared, "concessionBudget", "500000.00",
                "basis", Map.of("source", "STATED_ESTIMATE", "annualSales", account.basis(), "note", "bench estimate")),
                etag(opened)));
        var approved = expect(200, send("POST", "/api/negotiations/" + id + "/preparation/approval", NATE,
                Map.of("revision", 1), etag(preparation)));
        var round = expect(200, send("POST", "/api/negotiations/" + id + "/rounds", NORA, Map.of(
                "heldOn", LocalDate.of(year - 1, 12, 10).toString(),
                "ourAttendees", List.of(Map.of("name", "Nora", "title", "National KA manager", "senior", false)),
                "theirAttendees", List.of(Map.of("name", "Buyer " + account.number(), "title", "Category buyer",
                        "senior", true))), etag(approved)));
        List<Map<String, Object>> agreed = new ArrayList<>();
        for (TermSpec t : terms) {
            agreed.add(Map.of("buyerName", t.buyerName(), "value", t.value()));
        }
        long start = System.nanoTime();
        var signed = expect(201, send("POST", "/api/negotiations/" + id + "/agreement", NORA, Map.of(
                "effectiveFrom", LocalDate.of(year, 1, 1).toString(), "effectiveTo", LocalDate.of(year, 12, 31).toString(),
                "signedOn", LocalDate.of(year - 1, 12, 18).toString(),
                "signatories", List.of(Map.of("party", "SUPPLIER", "name", "Nora"),
                        Map.of("party", "RETAILER", "name", "Buyer " + account.number())),
                "terms", agreed), etag(round)));
        long micros = (System.nanoTime() - start) / 1_000;
        JsonNode view = JSON.readTree(signed.body());
        return new Signed(UUID.fromString(view.path("agreementId").asString()), view.path("terms"), micros);
    }

    /**
     * The account's agreement as ADR 0012 costs it, computed here from the values sent and the counts written: each
     * term's annual cost rounded half up to the fen, their total, the true trade spend (total ÷ basis × 100, two
     * places, half up); and what the review accrues per percent of the year's sell-through, by kind.
     */
    Expected expected(Account account, List<TermSpec> terms) {
        BigDecimal basis = account.basis();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal fixed = BigDecimal.ZERO.setScale(2);
        Map<TermKind, BigDecimal> percentByKind = new LinkedHashMap<>();
        for (TermSpec t : terms) {
            ValueShape shape = ValueShape.valueOf((String) t.value().get("shape"));
            BigDecimal cost;
            BigDecimal applied = null;
            switch (shape) {
                case PERCENT_OF_SALES -> {
                    applied = (BigDecimal) t.value().get("percent");
                    cost = basis.multiply(applied).divide(HUNDRED);
                }
                case FIXED_AMOUNT -> cost = (BigDecimal) t.value().get("amount");
                case PER_STORE -> cost = ((BigDecimal) t.value().get("amount")).multiply(BigDecimal.valueOf(
                        t.kind() == TermKind.NEW_STORE_FEE ? account.storesOpening() : account.storesOpen()));
                case PER_SKU_LISTED -> cost = ((BigDecimal) t.value().get("amount"))
                        .multiply(BigDecimal.valueOf(account.newListings()));
                case PER_SKU_PER_STORE -> cost = ((BigDecimal) t.value().get("amount"))
                        .multiply(BigDecimal.valueOf(account.newListings() * account.storesOpen()));
                case DAYS -> {
                    BigDecimal days = BigDecimal.valueOf((Integer) t.value().get("days"));
                    cost = basis.multiply(days).multiply(financingRate).divide(BigDecimal.valueOf(36_500),
                            MathContext.DECIMAL128);
                    applied = days.multiply(financingRate).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
                }
                case TIERED -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> tiers = (List<Map<String, Object>>) t.value().get("tiers");
                    applied = BigDecimal.ZERO;
                    for (Map<String, Object> tier : tiers) {
                        if (basis.compareTo((BigDecimal) tier.get("salesFrom")) >= 0) {
                            applied = (BigDecimal) tier.get("percent");
                        }
                    }
                    cost = basis.multiply(applied).divide(HUNDRED);
                }
                default -> throw new IllegalStateException(shape.name());
            }
            BigDecimal money = cost.setScale(2, RoundingMode.HALF_UP);
            total = total.add(money);
            if (applied == null) {
                fixed = fixed.add(money);
            } else {
                percentByKind.merge(t.kind(), applied, BigDecimal::add);
            }
        }
        return new Expected(total, total.multiply(HUNDRED).divide(basis, 2, RoundingMode.HALF_UP), percentByKind,
                fixed);
    }

    /** What the review should accrue on this much sell-through: by kind, sales × the kind's percents ÷ 100, to the fen. */
    static BigDecimal percentageAccrual(Expected expected, BigDecimal sales) {
        return expected.percentByKind().values().stream()
                .map(p -> sales.multiply(p).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private HttpResponse<String> send(String method, String path, String user, Object body, String ifMatch)
            throws Exception {
        return calls.send(method, path, user, body, ifMatch);
    }
}
