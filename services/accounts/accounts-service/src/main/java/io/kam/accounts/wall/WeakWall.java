package io.kam.accounts.wall;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.RelationshipViews.WallFindings;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.plan.PlanDependencies;
import io.kam.platform.calendar.MarketCalendar;

/**
 * Raises the weak-wall findings of an account: the shared rule ({@link RelationshipWall#findings}) over the assessed
 * cells, for the departments the approved plan depends on, as of today in the market.
 */
@Component
class WeakWall {

    private final WallCells cells;
    private final PlanDependencies plans;
    private final MarketCalendar calendar;
    private final int maxDaysWithoutContact;

    WeakWall(WallCells cells, PlanDependencies plans, MarketCalendar calendar,
             @Value("${kam.accounts.wall.max-days-without-contact:90}") int maxDaysWithoutContact) {
        this.cells = cells;
        this.plans = plans;
        this.calendar = calendar;
        this.maxDaysWithoutContact = maxDaysWithoutContact;
    }

    WallFindings of(UUID accountId) {
        LocalDate today = calendar.today();
        return plans.of(accountId, today.getYear())
                .map(plan -> new WallFindings(plan.year(), plan.departments(), maxDaysWithoutContact,
                        RelationshipWall.findings(cells.of(accountId), plan.departments(), today, maxDaysWithoutContact)))
                .orElse(new WallFindings(null, List.of(), maxDaysWithoutContact, List.of()));
    }
}
