package io.kam.promotions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Promotion requests as a manager sends them: a milk price promotion in named stores, and variations of it. */
public final class PromotionFixture {

    private PromotionFixture() {
    }

    public static Map<String, Object> terms(List<UUID> stores, LocalDate from, LocalDate to, String... gtins) {
        List<Map<String, Object>> skus = new ArrayList<>();
        for (String gtin : gtins.length == 0 ? new String[] {ServiceTest.MILK} : gtins) {
            skus.add(Map.of("gtin", gtin, "category", "UHT milk", "regularPrice", "23.00", "promotedPrice", "19.90"));
        }
        Map<String, Object> terms = new HashMap<>();
        terms.put("name", "Spring dairy week");
        terms.put("mechanics", List.of("PRICE_DISCOUNT", "FEATURE_DISPLAY"));
        terms.put("skus", skus);
        terms.put("stores", Map.of("storeIds", stores));
        terms.put("inStore", Map.of("from", from.toString(), "to", to.toString()));
        terms.put("sellIn", Map.of("from", from.minusDays(14).toString(), "to", from.minusDays(1).toString()));
        terms.put("fees", List.of(Map.of("kind", "DISPLAY_FEE", "amount", "1500.00", "basis", "PER_STORE")));
        terms.put("forecast", Map.of("baselineUnits", 2400, "upliftUnits", 1200));
        terms.put("retailerFundsDiscount", false);
        return terms;
    }

    public static Map<String, Object> draft(UUID account, Map<String, Object> terms) {
        return Map.of("accountId", account, "terms", terms);
    }
}
