package io.kam.projection.sellthrough;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.DataScope;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;
import io.kam.projection.scope.VisibleAccounts;
import io.kam.projection.sellthrough.SellThroughViews.By;
import io.kam.projection.sellthrough.SellThroughViews.Grain;
import io.kam.projection.sellthrough.SellThroughViews.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** An account's sell-through by period and grouping, against the year before. */
@RestController
@RequestMapping("/api/reviews/{accountId}/sell-through")
class SellThroughController {

    /** The longest range a report covers, so that a day-by-store report stays a reasonable answer. */
    private static final long MAX_DAYS = 3 * 366;

    private final SellThroughReport report;
    private final VisibleAccounts visible;
    private final CurrentActor actor;
    private final MarketCalendar calendar;

    SellThroughController(SellThroughReport report, VisibleAccounts visible, CurrentActor actor, MarketCalendar calendar) {
        this.report = report;
        this.visible = visible;
        this.actor = actor;
        this.calendar = calendar;
    }

    @Operation(summary = "An account's sell-through by day, ISO week or month; in total, per store, region or SKU; against a year earlier",
            description = "Net units and sales (recorded figures plus restatements) per period and key, with the "
                    + "same period a year earlier: the same month; the ISO week with the same number a week-based "
                    + "year earlier; for days, 364 days earlier (the same weekday). from and to default to the "
                    + "current year in Asia/Shanghai and are widened to whole periods; at most three years. A store "
                    + "whose region is unknown yet counts under region null. Managers see every account; a "
                    + "regional coordinator sees accounts present in their region (at home there or with an open "
                    + "store there), and by STORE or REGION only their region's stores; an integration tied to a "
                    + "retailer sees that account only.")
    @GetMapping
    Report sellThrough(@PathVariable UUID accountId,
                       @RequestParam(defaultValue = "MONTH") Grain grain,
                       @RequestParam(defaultValue = "TOTAL") By by,
                       @Parameter(description = "first day; default 1 January of the current year")
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @Parameter(description = "last day; default 31 December of the current year")
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        Actor reader = actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION);
        Optional<Region> confined = DataScope.region(reader, Region.class);
        DataScope.account(reader); // a retailer claim that is no account id is refused (403) before the range is checked
        int year = calendar.currentYear();
        LocalDate first = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(year, 12, 31) : to;
        if (last.isBefore(first)) {
            throw new ApiProblem.Invalid("to", "must not be before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new ApiProblem.Invalid("to", "must be less than " + MAX_DAYS + " days after from (" + first + ")");
        }
        if (!visible.visibleTo(reader, accountId)) {
            throw new ApiProblem.NotFound("Account sell-through", accountId);
        }
        Region stores = by == By.STORE || by == By.REGION ? confined.orElse(null) : null;
        return report.report(accountId, grain, by, first, last, stores);
    }
}
