package io.kam.prospects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic requests, as JSON maps; names are unique because test classes share one database. */
public final class ProspectFixture {

    private ProspectFixture() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A supermarket chain of the East found at a trade fair, supplied by a competitor it is not attached to. */
    public static Map<String, Object> aProspect(String region) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("companyName", unique("Ningbo Harbour Fresh Markets"));
        p.put("channel", "SUPERMARKET");
        p.put("address", Map.of("street", "18 Zhongshan East Road", "city", "Ningbo", "province", "Zhejiang", "postalCode", "315000"));
        p.put("region", region);
        p.put("source", "MEETINGS_AND_EVENTS");
        p.put("competitor", "Bright Dairy");
        p.put("competitorLoyalty", "LOW");
        p.put("profile", Map.of("operations", "42 supermarkets in Zhejiang", "estimatedAnnualVolume", 8_500_000,
                "creditStanding", "Pays suppliers in 45 days"));
        return p;
    }

    /** A unified social credit code (统一社会信用代码) no other test uses. */
    public static String aTaxId() {
        String digits = String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000L));
        return "91330200" + digits;
    }

    /** Five criteria, weights 30/25/10/20/15, rated 0..5, qualifying at 70. */
    public static Map<String, Object> criteria(Number qualifying) {
        return Map.of("qualifyingScore", qualifying, "criteria", List.of(
                criterion("contribution", "Business contribution", 30),
                criterion("potential", "Growth potential", 25),
                criterion("reach", "National or international reach", 10),
                criterion("loyalty", "Competitor loyalty (low is good)", 20),
                criterion("credit", "Credit standing", 15)));
    }

    public static Map<String, Object> criterion(String key, String name, Number weight) {
        return Map.of("key", key, "name", name, "weight", weight, "scaleMax", 5);
    }

    /** Ratings worth 24 + 25 + 4 + 16 + 9 = 78 points. */
    public static Map<String, Object> goodRatings() {
        return Map.of("ratings", Map.of("contribution", 4, "potential", 5, "reach", 2, "loyalty", 4, "credit", 3));
    }

    /** Ratings worth 12 + 10 + 2 + 8 + 6 = 38 points. */
    public static Map<String, Object> poorRatings() {
        return Map.of("ratings", Map.of("contribution", 2, "potential", 2, "reach", 1, "loyalty", 2, "credit", 2));
    }
}
