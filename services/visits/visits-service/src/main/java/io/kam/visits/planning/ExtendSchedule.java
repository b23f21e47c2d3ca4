package io.kam.visits.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.outbox.Outbox;
import io.kam.visits.ServiceActor;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.replica.StoreReplicas;

/**
 * Re-plans every open store, so that the schedule reaches the horizon again as days pass (the nightly job) and catches
 * up with anything a store's own changes did not. Stores are re-planned {@value #STORES_PER_TRANSACTION} to a
 * transaction; a store already in line costs one query and changes nothing.
 */
@Service
public class ExtendSchedule {

    static final int STORES_PER_TRANSACTION = 100;

    private final StoreReplicas stores;
    private final Planner planner;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    ExtendSchedule(StoreReplicas stores, Planner planner, Outbox outbox, PlatformTransactionManager transactions) {
        this.stores = stores;
        this.planner = planner;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Re-plans every open store; returns the visits planned. */
    public int extend() {
        List<UUID> open = stores.findOpenIds();
        var rules = planner.rules();
        int planned = 0;
        for (int from = 0; from < open.size(); from += STORES_PER_TRANSACTION) {
            List<UUID> batch = open.subList(from, Math.min(open.size(), from + STORES_PER_TRANSACTION));
            planned += transactions.execute(status -> {
                List<VisitEvent> events = new ArrayList<>();
                for (UUID id : batch) {
                    stores.findByIdForUpdate(id).filter(s -> s.open())
                            .ifPresent(store -> events.addAll(planner.replan(store, rules, CancellationReason.STANDARD_CHANGED)));
                }
                outbox.appendAll(VisitEvents.CATALOG, events, ServiceActor.NAME);
                return (int) events.stream().filter(VisitEvents.VisitPlanned.class::isInstance).count();
            });
        }
        return planned;
    }
}
