package io.kam.web.review;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.WallLevel;
import io.kam.web.shell.Api;
import io.kam.web.shell.Charts;
import io.kam.web.shell.Formats;

/**
 * One account's business review at {@code /accounts/{id}}: {@code GET /api/reviews/{id}} as the user may see it
 * (a coordinator's figures of their region, no trade spend for them), each section as the projection serves it,
 * with charts of the plan against the actual by month, this year against last, the heat over time and the
 * relationship wall by department and level. The review as it stood at a past moment ({@code ?asOf=}, the API's
 * {@code asOf}) and what changed since another ({@code ?changesFrom=}, the API's {@code /changes?from=&to=}), both
 * chosen with date-time pickers in the market's time; the exports are {@link ReviewExports}.
 */
@Controller
class ReviewPageController {

    private final Api api;
    private final MessageSource messages;
    private final Charts charts;

    ReviewPageController(Api api, MessageSource messages, Charts charts) {
        this.api = api;
        this.messages = messages;
        this.charts = charts;
    }

    @GetMapping("/accounts/{accountId}")
    String review(@PathVariable UUID accountId, @RequestParam(required = false) @Nullable Integer year,
                  @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) @Nullable LocalDateTime asOf,
                  @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) @Nullable LocalDateTime changesFrom,
                  Model model, Locale locale) {
        Map<String, Object> review = api.get(uri -> uri.path("/api/reviews/{id}")
                .queryParamIfPresent("year", Optional.ofNullable(year))
                .queryParamIfPresent("asOf", Optional.ofNullable(instant(asOf))).build(accountId));
        model.addAttribute("review", review);
        model.addAttribute("accountId", accountId);
        model.addAttribute("asOf", asOf);
        model.addAttribute("changesFrom", changesFrom);
        model.addAttribute("now", LocalDateTime.now(Formats.MARKET).truncatedTo(ChronoUnit.SECONDS));
        if (changesFrom != null) {
            // What changed from that day's end to the review shown (as of its date, else now), as the API compares.
            model.addAttribute("changes", api.get(uri -> uri.path("/api/reviews/{id}/changes")
                    .queryParam("from", instant(changesFrom))
                    .queryParamIfPresent("to", Optional.ofNullable(instant(asOf)))
                    .queryParamIfPresent("year", Optional.ofNullable(year)).build(accountId)));
        }
        Map<String, Object> plan = map(review.get("plan"));
        if (plan != null) {
            model.addAttribute("monthsChart", charts.json(months(map(plan.get("sellThrough")), locale)));
        }
        Map<String, Object> sellThrough = map(review.get("sellThrough"));
        if (sellThrough != null) {
            model.addAttribute("yoyChart", charts.json(yearOnYear(sellThrough, locale)));
        }
        Map<String, Object> heat = map(review.get("heat"));
        if (heat != null) {
            model.addAttribute("heatChart", charts.json(heatOverTime(heat, locale)));
        }
        Map<String, Object> wall = map(review.get("wall"));
        if (wall != null && !Api.list(wall.get("cells")).isEmpty()) {
            model.addAttribute("wallChart", charts.json(wall(wall, locale)));
        }
        return "review";
    }

    /**
     * A moment the date-time picker gave, in the market's time (Asia/Shanghai), as the API takes it: an ISO instant
     * ({@code Z}, so that no {@code +} has to survive a query string).
     */
    static @Nullable String instant(@Nullable LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.MARKET).toInstant().toString();
    }

    /** The plan's monthly phasing against each month's sales. */
    private Map<String, Object> months(@Nullable Map<String, Object> sellThrough, Locale locale) {
        List<String> names = new ArrayList<>();
        List<@Nullable Object> targets = new ArrayList<>();
        List<@Nullable Object> actuals = new ArrayList<>();
        for (Map<String, Object> month : Api.list(sellThrough == null ? null : sellThrough.get("months"))) {
            names.add(Month.of(((Number) month.get("month")).intValue()).getDisplayName(TextStyle.SHORT, locale));
            targets.add(month.get("target"));
            actuals.add(month.get("actual"));
        }
        return chart("bar", names, List.of(series("review.plan.target", targets, locale),
                series("review.plan.actual", actuals, locale)));
    }

    /** Sales this year to date against last year's same time. */
    private Map<String, Object> yearOnYear(Map<String, Object> sellThrough, Locale locale) {
        Map<String, Object> thisYear = map(sellThrough.get("yearToDate"));
        Map<String, Object> lastYear = map(sellThrough.get("lastYearSameTime"));
        List<@Nullable Object> sales = new ArrayList<>();
        sales.add(lastYear == null ? null : lastYear.get("sales"));
        sales.add(thisYear == null ? null : thisYear.get("sales"));
        return chart("bar", List.of(text("review.yoy.lastYear", locale), text("review.yoy.thisYear", locale)),
                List.of(series("review.yoy.sales", sales, locale)));
    }

    /** Every heat assessment's score, oldest first. */
    private Map<String, Object> heatOverTime(Map<String, Object> heat, Locale locale) {
        List<String> days = new ArrayList<>();
        List<@Nullable Object> scores = new ArrayList<>();
        Formats formats = new Formats();
        for (Map<String, Object> point : Api.list(heat.get("history"))) {
            days.add(formats.date(point.get("assessedAt")));
            scores.add(point.get("score"));
        }
        return chart("line", days, List.of(series("review.heat.score", scores, locale)));
    }

    /** The wall as a heat map: a cell's strength at its department (row) and level (column). */
    private Map<String, Object> wall(Map<String, Object> wall, Locale locale) {
        List<String> levels = new ArrayList<>();
        for (WallLevel level : WallLevel.values()) {
            levels.add(text("wall.level." + level, locale));
        }
        List<String> departments = new ArrayList<>();
        for (Department department : Department.values()) {
            departments.add(text("department." + department, locale));
        }
        List<List<Object>> cells = new ArrayList<>();
        for (Map<String, Object> cell : Api.list(wall.get("cells"))) {
            cells.add(List.of(WallLevel.valueOf((String) cell.get("level")).ordinal(),
                    Department.valueOf((String) cell.get("department")).ordinal(), cell.get("strength")));
        }
        Map<String, Object> chart = chart("heatmap", levels, List.of(series("review.wall.strength", cells, locale)));
        chart.put("rows", departments);
        return chart;
    }

    private Map<String, Object> chart(String kind, List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("categories", categories);
        chart.put("series", series);
        return chart;
    }

    private Map<String, Object> series(String key, List<?> data, Locale locale) {
        return Map.of("name", text(key, locale), "data", data);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
}
