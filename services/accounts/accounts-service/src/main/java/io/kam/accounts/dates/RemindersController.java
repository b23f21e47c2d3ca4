package io.kam.accounts.dates;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.RelationshipViews.Reminder;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.Actor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Upcoming birthdays and anniversaries across the accounts the caller looks after: time for a greeting. */
@RestController
@RequestMapping("/api/accounts/reminders")
class RemindersController {

    private final DateQueries queries;
    private final AccountAccess access;
    private final MarketCalendar calendar;

    RemindersController(DateQueries queries, AccountAccess access, MarketCalendar calendar) {
        this.queries = queries;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "Important dates coming up within the next days (0-366, default 30)",
            description = "Managers see every account; a coordinator the accounts present in their region. Soonest "
                    + "first, then by account name; today is today in Asia/Shanghai. Integrations are refused.")
    @GetMapping
    List<Reminder> upcoming(@RequestParam(defaultValue = "30") @Min(0) @Max(366) int days) {
        Actor actor = access.managerOrCoordinator();
        var region = access.confinement(actor).orElse(null);
        return Reminders.upcoming(queries.visibleIn(region), calendar.today(), days);
    }
}
