package io.kam.visits.compliance;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.ComplianceViews.ComplianceReport;
import io.kam.visits.api.ComplianceViews.Grouping;
import io.swagger.v3.oas.annotations.Operation;

/** How well the visit frequency standards are kept: visits due, done, late and missed; stores covered. */
@RestController
@RequestMapping("/api/visits/compliance")
class ComplianceController {

    private final ComplianceQueries queries;
    private final VisitAccess access;
    private final MarketCalendar calendar;

    ComplianceController(ComplianceQueries queries, VisitAccess access, MarketCalendar calendar) {
        this.queries = queries;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "Coverage and compliance by coordinator, store or account, over visits planned from/to",
            description = "Defaults to the four weeks up to today. onTimeRate = done / (done + late + missed); "
                    + "completionRate = (done + late) / (done + late + missed); coverage = stores visited / stores due. "
                    + "Coordinators see their region's.")
    @GetMapping
    ComplianceReport report(@RequestParam(defaultValue = "COORDINATOR") Grouping by,
                            @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to,
                            @RequestParam(required = false) Region region) {
        var actor = access.staff();
        LocalDate end = to == null ? calendar.today() : to;
        LocalDate start = from == null ? end.minusWeeks(4).plusDays(1) : from;
        if (end.isBefore(start)) {
            throw new ApiProblem.Invalid("to", "must not be before from (" + start + ")");
        }
        if (start.plusYears(1).isBefore(end)) {
            throw new ApiProblem.Invalid("to", "must be at most a year after from (" + start + ")");
        }
        return queries.report(by, start, end, access.listingRegion(actor, region).orElse(null), calendar.now());
    }
}
