package io.kam.visits.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.SettingViews.StandardChangeView;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitCancelled;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import io.kam.visits.api.VisitFrequency;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.replica.StoreReplicas;

/**
 * Sets or removes the standard of one tier and store format, and re-plans every open store it governs in the same
 * transaction. The standard itself belongs to no account and so is no event; what it does to each account's visits is
 * (planned and cancelled visits, keyed by their accounts). Setting the same frequency again changes nothing.
 */
@Service
class ChangeStandard {

    private final Standards standards;
    private final StoreReplicas stores;
    private final Planner planner;
    private final Outbox outbox;
    private final Clock clock;

    ChangeStandard(Standards standards, StoreReplicas stores, Planner planner, Outbox outbox, Clock clock) {
        this.standards = standards;
        this.stores = stores;
        this.planner = planner;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    StandardChangeView set(ValueTier tier, RetailFormat format, VisitFrequency frequency, Actor actor) {
        Optional<VisitFrequency> before = standards.set(tier, format, frequency, actor.name(), clock.instant());
        return replan(tier, format, frequency, before.orElse(null), actor);
    }

    @Transactional
    StandardChangeView remove(ValueTier tier, RetailFormat format, Actor actor) {
        Optional<VisitFrequency> before = standards.remove(tier, format);
        return replan(tier, format, null, before.orElse(null), actor);
    }

    private StandardChangeView replan(ValueTier tier, RetailFormat format, @Nullable VisitFrequency frequency,
                                      @Nullable VisitFrequency before, Actor actor) {
        if (frequency == before) {
            return new StandardChangeView(tier, format, frequency, before, 0, 0, 0);
        }
        var rules = planner.rules();
        List<StoreReplica> governed = stores.findOpenByTierAndFormat(tier.name(), format.name());
        List<VisitEvent> events = new ArrayList<>();
        for (StoreReplica store : governed) {
            StoreReplica locked = stores.findByIdForUpdate(store.storeId()).orElseThrow();
            events.addAll(planner.replan(locked, rules, CancellationReason.STANDARD_CHANGED));
        }
        outbox.appendAll(VisitEvents.CATALOG, events, actor.name());
        int planned = (int) events.stream().filter(VisitPlanned.class::isInstance).count();
        int cancelled = (int) events.stream().filter(VisitCancelled.class::isInstance).count();
        return new StandardChangeView(tier, format, frequency, before, governed.size(), planned, cancelled);
    }
}
