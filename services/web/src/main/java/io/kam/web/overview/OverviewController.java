package io.kam.web.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.prospects.api.ProspectStage;
import io.kam.web.shell.Api;
import io.kam.web.shell.Charts;

/**
 * The national overview at {@code /}: the accounts ranked as {@code GET /api/reviews/ranking} ranks them (the
 * API decides whose accounts the user sees: a coordinator their region's), filtered by region and tier, ordered by
 * the figure chosen, with a bar chart of that figure; and the prospect pipeline ({@code GET /api/reviews/pipeline},
 * same region) as a funnel. An htmx request (changing a filter) gets the ranking part only.
 */
@Controller
class OverviewController {

    private final Api api;
    private final MessageSource messages;
    private final Charts charts;

    OverviewController(Api api, MessageSource messages, Charts charts) {
        this.api = api;
        this.messages = messages;
        this.charts = charts;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) @Nullable Region region,
                    @RequestParam(required = false) @Nullable ValueTier tier,
                    @RequestParam(defaultValue = "SELL_THROUGH") String by,
                    @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                    Model model, Locale locale) {
        String rankBy = OverviewOrders.MEMBER.containsKey(by) ? by : "SELL_THROUGH";
        Map<String, Object> ranking = api.get(uri -> uri.path("/api/reviews/ranking")
                .queryParamIfPresent("region", Optional.ofNullable(region))
                .queryParamIfPresent("tier", Optional.ofNullable(tier))
                .queryParam("by", rankBy).build());
        List<Map<String, Object>> accounts = Api.list(ranking.get("accounts"));
        model.addAttribute("ranking", ranking);
        model.addAttribute("accounts", accounts);
        model.addAttribute("regions", Region.values());
        model.addAttribute("tiers", ValueTier.values());
        model.addAttribute("orders", OverviewOrders.ORDER);
        model.addAttribute("region", region);
        model.addAttribute("tier", tier);
        model.addAttribute("by", rankBy);
        model.addAttribute("chart", charts.json(chart(accounts, rankBy, locale)));
        Map<String, Object> pipeline = api.get(uri -> uri.path("/api/reviews/pipeline")
                .queryParamIfPresent("region", Optional.ofNullable(region)).build());
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("funnel", charts.json(funnel(pipeline, locale)));
        return htmx != null ? "overview :: ranking" : "overview";
    }

    /** The prospects in each stage of the pipeline, identified to converted, as the API counts them. */
    private Map<String, Object> funnel(Map<String, Object> pipeline, Locale locale) {
        Map<?, ?> byStage = pipeline.get("byStage") instanceof Map<?, ?> counts ? counts : Map.of();
        List<String> stages = new ArrayList<>();
        List<@Nullable Object> counts = new ArrayList<>();
        for (ProspectStage stage : ProspectStage.values()) {
            if (stage != ProspectStage.DROPPED) {
                stages.add(messages.getMessage("prospect.stage." + stage, null, locale));
                counts.add(byStage.get(stage.name()));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "funnel");
        chart.put("categories", stages);
        chart.put("series", List.of(Map.of("name", messages.getMessage("pipeline.title", null, locale),
                "data", counts)));
        return chart;
    }

    /** A bar per account of the figure ranked by, in rank order, as the API gave it. */
    private Map<String, Object> chart(List<Map<String, Object>> accounts, String by, Locale locale) {
        List<Object> names = new ArrayList<>();
        List<@Nullable Object> values = new ArrayList<>();
        for (Map<String, Object> account : accounts) {
            names.add(account.getOrDefault("name", ""));
            values.add(account.get(OverviewOrders.MEMBER.get(by)));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("categories", names);
        chart.put("series", List.of(Map.of("name", messages.getMessage("ranking.by." + by, null, locale),
                "data", values)));
        return chart;
    }
}
