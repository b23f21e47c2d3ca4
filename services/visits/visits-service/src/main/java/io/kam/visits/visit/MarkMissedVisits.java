package io.kam.visits.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.outbox.Outbox;
import io.kam.visits.ServiceActor;
import io.kam.visits.api.VisitEvents;

/**
 * The sweep: marks missed every visit still planned whose log window has closed by the service's clock, and announces
 * each with {@code kam.visit.missed}. It works in batches, one transaction each, skipping visits another sweep or a log
 * in progress holds; a visit logged meanwhile is no longer planned and is left alone.
 */
@Service
public class MarkMissedVisits {

    static final int BATCH = 500;

    private final VisitRepository visits;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MarkMissedVisits(VisitRepository visits, Outbox outbox, PlatformTransactionManager transactions, Clock clock) {
        this.visits = visits;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Marks every overdue visit missed; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        int total = 0;
        int marked;
        do {
            marked = transactions.execute(status -> batch(now));
            total += marked;
        } while (marked == BATCH);
        return total;
    }

    private int batch(Instant now) {
        List<Visit> overdue = visits.findOverdueForUpdate(now, BATCH);
        var missed = overdue.stream().map(visit -> visit.miss(now)).toList();
        visits.updateAll(missed.stream().map(Visit.Changed::visit).toList());
        outbox.appendAll(VisitEvents.CATALOG, missed.stream().map(Visit.Changed::event).toList(), ServiceActor.NAME);
        return overdue.size();
    }
}
