package io.kam.visits.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.ServiceActor;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.replica.Replicas;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.replica.StoreReplicas;

/**
 * Applies one account event, inside the transaction that records it as processed: the replica takes it in, and the
 * schedule follows. A store that opens is planned; a store that closes has its visits from the closing day cancelled;
 * an account classified into another tier has its stores re-planned. Account names keep the views readable. Every
 * other account event is of no concern to visits and changes nothing.
 */
@Component
class StoreMaster {

    private final Replicas replicas;
    private final StoreReplicas stores;
    private final Planner planner;
    private final Outbox outbox;

    StoreMaster(Replicas replicas, StoreReplicas stores, Planner planner, Outbox outbox) {
        this.replicas = replicas;
        this.stores = stores;
        this.planner = planner;
        this.outbox = outbox;
    }

    void apply(AccountEvent event) {
        replicas.know(event.accountId());
        List<VisitEvent> caused = new ArrayList<>();
        switch (event) {
            case AccountOpened e -> replicas.named(e.accountId(), e.name());
            case AccountUpdated e -> replicas.named(e.accountId(), e.name());
            case AccountClassified e -> {
                boolean tierChanged = replicas.classified(e.accountId(), e.tier()).filter(e.tier()::equals).isEmpty();
                if (tierChanged) {
                    var rules = planner.rules();
                    for (StoreReplica store : stores.findByAccountIdAndOpenOrderByCode(e.accountId(), true)) {
                        caused.addAll(planner.replan(locked(store), rules, CancellationReason.ACCOUNT_RECLASSIFIED));
                    }
                }
            }
            case StoreOpened e -> {
                replicas.opened(e);
                caused.addAll(planner.replan(locked(e.storeId()), planner.rules(), CancellationReason.STANDARD_CHANGED));
            }
            case StoreClosed e -> {
                replicas.closed(e);
                caused.addAll(planner.closed(locked(e.storeId()), e.closedOn()));
            }
            default -> {
                // contacts, plans and relationship records: nothing the schedule depends on
            }
        }
        outbox.appendAll(VisitEvents.CATALOG, caused, ServiceActor.NAME);
    }

    private StoreReplica locked(StoreReplica store) {
        return locked(store.storeId());
    }

    private StoreReplica locked(UUID storeId) {
        return stores.findByIdForUpdate(storeId).orElseThrow();
    }
}
