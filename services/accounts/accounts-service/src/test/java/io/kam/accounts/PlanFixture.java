package io.kam.accounts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plan requests as a client sends them (JSON maps), so that tests can also send what the records cannot hold. */
public final class PlanFixture {

    private PlanFixture() {
    }

    /** The 2027 plan of a hypermarket chain: 12 million yuan of sell-through phased by month, and one national item. */
    public static Map<String, Object> aPlanFor(int year) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("year", year);
        plan.put("targets", List.of(
                Map.of("kpi", "SELL_THROUGH_VALUE", "value", 12_000_000, "baseline", 10_500_000),
                Map.of("kpi", "LISTED_SKUS", "value", 48, "baseline", 41),
                Map.of("kpi", "SHELF_PRICE_INDEX", "value", 98.5),
                Map.of("kpi", "TRADE_SPEND_RATE", "value", 11.5, "baseline", 12.8)));
        plan.put("phasing", phasing(12_000_000));
        plan.put("dependsOn", List.of("PURCHASING", "MARKETING"));
        plan.put("actionItems", List.of(anItem(null)));
        return plan;
    }

    /** Twelve months summing to the annual figure, with Chinese New Year and the autumn festivals weighted up. */
    public static List<Object> phasing(long annual) {
        long[] weights = {7, 6, 11, 8, 8, 8, 8, 8, 11, 9, 7, 9};
        List<Object> months = new ArrayList<>();
        long rest = annual;
        for (int i = 0; i < 11; i++) {
            long month = annual * weights[i] / 100;
            months.add(month);
            rest -= month;
        }
        months.add(rest);
        return months;
    }

    public static Map<String, Object> targets(long annual) {
        return Map.of("targets", List.of(Map.of("kpi", "SELL_THROUGH_VALUE", "value", annual)),
                "phasing", phasing(annual), "dependsOn", List.of("PURCHASING"));
    }

    public static Map<String, Object> anItem(String region) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("what", region == null ? "Chinese New Year display island for UHT milk in every hypermarket"
                : "Train the promoters of the " + region + " stores on the yoghurt range");
        item.put("owner", region == null ? "nora" : "eric");
        item.put("due", "2027-01-31");
        item.put("region", region);
        item.put("servesKpi", "SELL_THROUGH_VALUE");
        return item;
    }

    public static List<Object> months(Object... values) {
        List<Object> months = new ArrayList<>(Collections.nCopies(12, 0));
        for (int i = 0; i < values.length; i++) {
            months.set(i, values[i]);
        }
        return months;
    }
}
