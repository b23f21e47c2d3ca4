package io.kam.visits.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.visits.VisitSettings;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.replica.AccountReplica;
import io.kam.visits.replica.AccountReplicas;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * Keeps a store's scheduled visits in line with its standard, from tomorrow to the horizon ({@code horizon-weeks}
 * ahead). It compares the due days the standard asks for with the scheduled visits the store has: a visit still
 * planned for a day no longer asked for is cancelled, a day asked for without a visit gets one, and everything else
 * stays as it is, preparation included. Visits of today and before, visits made, and ad-hoc visits are never touched.
 * The caller holds the store's lock and appends the events returned.
 */
@Component
public class Planner {

    private final VisitRepository visits;
    private final AccountReplicas accounts;
    private final Standards standards;
    private final RegionCoordinators coordinators;
    private final VisitSettings settings;
    private final MarketCalendar calendar;

    Planner(VisitRepository visits, AccountReplicas accounts, Standards standards, RegionCoordinators coordinators,
            VisitSettings settings, MarketCalendar calendar) {
        this.visits = visits;
        this.accounts = accounts;
        this.standards = standards;
        this.coordinators = coordinators;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The standards and coordinators now, for one or many {@link #replan} calls. */
    ScheduleRules rules() {
        return new ScheduleRules(standards.byTier(), coordinators.byRegion());
    }

    /** Re-plans the store; {@code cause} is the reason given to the visits it cancels. */
    List<VisitEvent> replan(StoreReplica store, ScheduleRules rules, CancellationReason cause) {
        LocalDate today = calendar.today();
        LocalDate from = today.plusDays(1);
        LocalDate to = from.plusWeeks(settings.horizonWeeks()).minusDays(1);
        LocalDate start = store.openingDate() != null && store.openingDate().isAfter(from) ? store.openingDate() : from;
        var tier = accounts.findById(store.accountId()).map(AccountReplica::tier).orElse(null);
        Set<LocalDate> wanted = store.open() ? rules.frequency(tier, store.format())
                .map(f -> (Set<LocalDate>) new TreeSet<>(ScheduleGenerator.dueDates(store.storeId(), f, start, to)))
                .orElse(Set.of()) : Set.of();

        List<Visit> existing = visits.findScheduledForUpdate(store.storeId(), from, to);
        Set<LocalDate> scheduled = existing.stream().map(Visit::dueDate).collect(Collectors.toSet());
        List<Visit.Changed<? extends VisitEvent>> cancelled = existing.stream()
                .filter(v -> v.status() == VisitStatus.PLANNED && !wanted.contains(v.dueDate()))
                .<Visit.Changed<? extends VisitEvent>>map(v -> v.cancel(cause)).toList();
        Instant now = calendar.now();
        List<Visit.Planned> planned = wanted.stream().filter(day -> !scheduled.contains(day))
                .map(day -> Visit.scheduled(store.accountId(), store.storeId(), store.region(),
                        rules.coordinator(store.region()), day, settings.logWindow(), now))
                .toList();
        return save(cancelled, planned);
    }

    /**
     * The store closed: every visit still to be made or missed from its closing day on is cancelled, scheduled or not.
     */
    List<VisitEvent> closed(StoreReplica store, LocalDate closedOn) {
        List<Visit.Changed<? extends VisitEvent>> cancelled = visits.findOpenFromForUpdate(store.storeId(), closedOn)
                .stream().<Visit.Changed<? extends VisitEvent>>map(v -> v.cancel(CancellationReason.STORE_CLOSED))
                .toList();
        return save(cancelled, List.of());
    }

    private List<VisitEvent> save(List<Visit.Changed<? extends VisitEvent>> cancelled, List<Visit.Planned> planned) {
        if (!cancelled.isEmpty()) {
            visits.updateAll(cancelled.stream().map(Visit.Changed::visit).toList());
        }
        if (!planned.isEmpty()) {
            visits.saveAll(planned.stream().map(Visit.Planned::visit).toList());
        }
        List<VisitEvent> events = new ArrayList<>(cancelled.size() + planned.size());
        cancelled.forEach(c -> events.add(c.event()));
        planned.forEach(p -> events.add(p.event()));
        return events;
    }
}
