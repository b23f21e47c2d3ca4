package io.kam.negotiations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the negotiations API, as a client sends them. */
public final class NegotiationFixture {

    private NegotiationFixture() {
    }

    public static Map<String, Object> percent(String p) {
        return value("PERCENT_OF_SALES", "percent", new BigDecimal(p));
    }

    public static Map<String, Object> fixed(String a) {
        return value("FIXED_AMOUNT", "amount", new BigDecimal(a));
    }

    public static Map<String, Object> perStore(String a) {
        return value("PER_STORE", "amount", new BigDecimal(a));
    }

    public static Map<String, Object> days(int d) {
        return value("DAYS", "days", d);
    }

    private static Map<String, Object> value(String shape, String field, Object v) {
        Map<String, Object> value = new HashMap<>();
        value.put("shape", shape);
        value.put(field, v);
        return value;
    }

    public static Map<String, Object> term(String name, Map<String, Object> opening, Map<String, Object> target,
                                           Map<String, Object> walkAway) {
        return Map.of("buyerName", name, "opening", opening, "target", target, "walkAway", walkAway);
    }

    /** The four terms of the Yangtze preparation, on a stated 48,000,000 yuan, with a 600,000 concession budget. */
    public static List<Map<String, Object>> yangtzeTerms() {
        return new ArrayList<>(List.of(
                term("票面折扣", percent("2.50"), percent("2.80"), percent("3.00")),
                term("bonus", percent("2.00"), percent("2.30"), percent("2.50")),
                term("周年庆", fixed("0.00"), fixed("80000.00"), fixed("120000.00")),
                term("账期", days(45), days(55), days(60))));
    }

    public static Map<String, Object> preparation(List<Map<String, Object>> terms) {
        return Map.of("terms", terms, "concessionBudget", new BigDecimal("600000.00"),
                "expectedAsks", List.of(Map.of("description", "Anniversary fee for the chain's 20th year",
                        "kind", "ANNIVERSARY_FEE", "estimatedCost", new BigDecimal("150000.00"))),
                "basis", Map.of("source", "STATED_ESTIMATE", "annualSales", new BigDecimal("48000000.00"),
                        "note", "sell-in estimate for 2027"));
    }

    public static Map<String, Object> round(String heldOn) {
        return Map.of("heldOn", heldOn,
                "ourAttendees", List.of(Map.of("name", "Nora Lin", "title", "National KA manager", "senior", false)),
                "theirAttendees", List.of(Map.of("name", "Wang Lei", "title", "Dairy buyer", "senior", false),
                        Map.of("name", "Zhao Min", "title", "Category director", "senior", true)),
                "asks", List.of(Map.of("buyerName", "bonus", "asked", percent("3.00"))),
                "claims", List.of(Map.of("tactic", "COMPETITOR_OFFERS_BETTER", "claim", "Brand X gives a 3% bonus",
                        "madeBy", "Wang Lei")));
    }

    public static Map<String, Object> give(int round, String name, Map<String, Object> to, boolean withGet) {
        Map<String, Object> give = new HashMap<>();
        give.put("round", round);
        give.put("buyerName", name);
        give.put("to", to);
        if (withGet) {
            give.put("get", Map.of("kind", "LISTING", "description", "12 new SKUs listed in all stores",
                    "estimatedValue", new BigDecimal("250000.00")));
        }
        return give;
    }

    public static Map<String, Object> agreed(String name, Map<String, Object> value) {
        return Map.of("buyerName", name, "value", value);
    }

    public static Map<String, Object> signing(String signedOn, List<Map<String, Object>> terms) {
        return Map.of("effectiveFrom", "2027-01-01", "effectiveTo", "2027-12-31", "signedOn", signedOn,
                "signatories", List.of(Map.of("party", "SUPPLIER", "name", "Nora Lin", "title", "National KA manager"),
                        Map.of("party", "RETAILER", "name", "Zhao Min", "title", "Category director")),
                "terms", terms);
    }

    /** The aliases the Yangtze terms need. */
    public static Map<String, String> yangtzeAliases() {
        return Map.of("票面折扣", "ON_INVOICE_DISCOUNT", "bonus", "OFF_INVOICE_REBATE", "周年庆", "ANNIVERSARY_FEE",
                "账期", "PAYMENT_TERMS", "新店赞助", "NEW_STORE_FEE");
    }
}
