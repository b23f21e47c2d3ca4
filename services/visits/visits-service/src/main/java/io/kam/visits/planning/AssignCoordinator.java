package io.kam.visits.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.api.SettingViews.RegionChangeView;
import io.kam.visits.api.VisitEvents.VisitsReassigned;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * Sets (or clears) a region's coordinator. The region's visits still to be made, from today on, move to the new
 * coordinator, announced per account; visits made, missed or cancelled keep the coordinator they had, so compliance
 * stays with whoever was responsible.
 */
@Service
class AssignCoordinator {

    private final RegionCoordinators coordinators;
    private final VisitRepository visits;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    AssignCoordinator(RegionCoordinators coordinators, VisitRepository visits, Outbox outbox, MarketCalendar calendar) {
        this.coordinators = coordinators;
        this.visits = visits;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    RegionChangeView assign(Region region, @Nullable String coordinator, Actor actor) {
        String clean = coordinator == null ? null : coordinator.strip();
        String before = coordinators.assign(region, clean, actor.name(), calendar.now()).orElse(null);
        if (Objects.equals(before, clean)) {
            return new RegionChangeView(coordinators.of(region), before, 0);
        }
        Map<UUID, List<Visit>> byAccount = new LinkedHashMap<>();
        for (Visit visit : visits.findPlannedInRegionFromForUpdate(region.name(), calendar.today())) {
            if (!Objects.equals(visit.coordinator(), clean)) {
                byAccount.computeIfAbsent(visit.accountId(), a -> new ArrayList<>()).add(visit.reassign(clean));
            }
        }
        List<VisitsReassigned> events = new ArrayList<>();
        byAccount.forEach((account, moved) -> {
            visits.updateAll(moved);
            events.add(new VisitsReassigned(account, region, clean, before, moved.stream().map(Visit::id).toList()));
        });
        outbox.appendAll(VisitEvents.CATALOG, events, actor.name());
        int count = byAccount.values().stream().mapToInt(List::size).sum();
        return new RegionChangeView(coordinators.of(region), before, count);
    }
}
