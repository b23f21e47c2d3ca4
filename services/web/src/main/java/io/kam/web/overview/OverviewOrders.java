package io.kam.web.overview;

import java.util.List;
import java.util.Map;

/** The figures the overview ranks by ({@code by} of {@code GET /api/reviews/ranking}) and the member each shows. */
public final class OverviewOrders {

    /** In the order the page offers them. */
    public static final List<String> ORDER = List.of("SELL_THROUGH", "GROWTH", "PLAN_ATTAINMENT", "EXECUTION", "HEAT");
    /** The entry member that holds each figure. */
    static final Map<String, String> MEMBER = Map.of("SELL_THROUGH", "sellThrough", "GROWTH", "growthPercent",
            "PLAN_ATTAINMENT", "planAttainmentPercent", "EXECUTION", "executionCompliance", "HEAT", "heat");

    private OverviewOrders() {
    }
}
