package io.kam.projection.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.PlanKpi;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.EventJournal.Entry;
import io.kam.projection.kafka.EventJournal.Selection;
import io.kam.projection.review.ChangeViews.Change;
import io.kam.projection.review.ChangeViews.Changes;
import io.kam.projection.review.ChangeViews.ClosedComplaint;
import io.kam.projection.review.ChangeViews.Complaints;
import io.kam.projection.review.ChangeViews.FigureChange;
import io.kam.projection.review.ChangeViews.KpiChange;
import io.kam.projection.review.ChangeViews.OpenedComplaint;
import io.kam.projection.review.ChangeViews.PlanChange;
import io.kam.projection.review.ChangeViews.PlanRef;
import io.kam.projection.review.ChangeViews.Restatement;
import io.kam.projection.review.PlanViews.Plan;
import io.kam.projection.review.PlanViews.Target;
import io.kam.projection.review.ReviewViews.Review;
import io.kam.projection.review.ReviewViews.TimelineEntry;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.visits.api.ComplaintEvents.ComplaintClosed;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.VisitEvents;

/**
 * The structured difference between an account's review at two instants: both read by {@link ReviewHistory} for the
 * caller's audience and compared section by section; the restatements and complaints recorded in between come from
 * the journal, with their amounts and ids.
 */
@Component
class ReviewChanges {

    private static final List<String> RESTATED = List.of(
            SellThroughEvents.CATALOG.wireName(SalesRestated.class).type());
    private static final List<String> COMPLAINTS = List.of(
            VisitEvents.CATALOG.wireName(ComplaintOpened.class).type(),
            VisitEvents.CATALOG.wireName(ComplaintClosed.class).type());

    private final ReviewHistory history;
    private final EventJournal journal;

    ReviewChanges(ReviewHistory history, EventJournal journal) {
        this.history = history;
        this.journal = journal;
    }

    /** Empty when the platform knew nothing of the account at {@code from}. */
    Optional<Changes> between(UUID accountId, Instant from, Instant to, @Nullable Integer year, Audience audience) {
        Optional<Review> then = read(accountId, from, year, audience);
        if (then.isEmpty()) {
            return Optional.empty();
        }
        Review before = then.get();
        Review after = read(accountId, to, year, audience).orElseThrow();
        return Optional.of(new Changes(accountId, from, to,
                journal.count(new Selection(accountId, false, null, List.of(), from, to)),
                plan(before.plan(), after.plan()), kpis(before.plan(), after.plan()), sellThrough(before, after),
                restatements(entries(new Selection(accountId, false, SellThroughEvents.TOPIC, RESTATED, from, to))),
                changed(before.classification(), after.classification()), changed(before.stage(), after.stage()),
                changed(before.heat() == null ? null : before.heat().score(),
                        after.heat() == null ? null : after.heat().score()),
                after.execution() == null ? null
                        : complaints(entries(new Selection(accountId, false, VisitEvents.TOPIC, COMPLAINTS, from, to)),
                        audience),
                after.timeline().stream().filter(entry -> !before.timeline().contains(entry)).toList()));
    }

    private Optional<Review> read(UUID accountId, Instant at, @Nullable Integer year, Audience audience) {
        return history.asOf(accountId, at, year, audience.terms()).map(audience::of);
    }

    private static @Nullable PlanChange plan(@Nullable Plan before, @Nullable Plan after) {
        PlanRef from = before == null ? null : new PlanRef(before.year(), before.version(), before.approvedAt());
        PlanRef to = after == null ? null : new PlanRef(after.year(), after.version(), after.approvedAt());
        return Objects.equals(from, to) ? null : new PlanChange(from, to);
    }

    private static List<KpiChange> kpis(@Nullable Plan before, @Nullable Plan after) {
        Set<PlanKpi> kpis = EnumSet.noneOf(PlanKpi.class);
        List<Target> then = before == null ? List.of() : before.targets();
        List<Target> now = after == null ? List.of() : after.targets();
        then.forEach(t -> kpis.add(t.kpi()));
        now.forEach(t -> kpis.add(t.kpi()));
        List<KpiChange> changes = new ArrayList<>();
        for (PlanKpi kpi : kpis) {
            Optional<Target> a = then.stream().filter(t -> t.kpi() == kpi).findFirst();
            Optional<Target> b = now.stream().filter(t -> t.kpi() == kpi).findFirst();
            BigDecimal targetFrom = a.map(Target::target).orElse(null);
            BigDecimal targetTo = b.map(Target::target).orElse(null);
            BigDecimal actualFrom = a.map(Target::actual).orElse(null);
            BigDecimal actualTo = b.map(Target::actual).orElse(null);
            if (!same(targetFrom, targetTo) || !same(actualFrom, actualTo)) {
                changes.add(new KpiChange(kpi, b.or(() -> a).orElseThrow().unit(), targetFrom, targetTo, actualFrom,
                        actualTo, actualFrom == null || actualTo == null ? null : actualTo.subtract(actualFrom)));
            }
        }
        return changes;
    }

    private static @Nullable FigureChange sellThrough(Review before, Review after) {
        BigDecimal from = before.sellThrough() == null ? null : before.sellThrough().yearToDate().sales();
        BigDecimal to = after.sellThrough() == null ? null : after.sellThrough().yearToDate().sales();
        return same(from, to) ? null
                : new FigureChange(from, to, from == null || to == null ? null : to.subtract(from));
    }

    private List<Restatement> restatements(List<Entry> recorded) {
        List<Restatement> restatements = new ArrayList<>();
        for (Entry entry : recorded) {
            if (journal.payload(SellThroughEvents.CATALOG, entry.envelope()) instanceof SalesRestated e) {
                restatements.add(new Restatement(entry.recordedAt(), e.batchId(), e.day(), e.currency(),
                        e.deltaUnits(), e.deltaSales(), e.lines().size()));
            }
        }
        return restatements;
    }

    /** Complaints opened and closed in between; a coordinator's those of their region only. */
    private Complaints complaints(List<Entry> recorded, Audience audience) {
        List<OpenedComplaint> opened = new ArrayList<>();
        List<ClosedComplaint> closed = new ArrayList<>();
        for (Entry entry : recorded) {
            switch (journal.payload(VisitEvents.CATALOG, entry.envelope())) {
                case ComplaintOpened e when audience.region() == null || audience.region() == e.region() ->
                        opened.add(new OpenedComplaint(e.complaintId(), entry.recordedAt(), e.type(), e.region(),
                                e.storeId()));
                case ComplaintClosed e when audience.region() == null || audience.region() == e.region() ->
                        closed.add(new ClosedComplaint(e.complaintId(), entry.recordedAt(), e.region(), e.reason()));
                default -> {
                    // not a complaint opened or closed, or in another region
                }
            }
        }
        return new Complaints(opened, closed);
    }

    private List<Entry> entries(Selection selection) {
        List<Entry> all = new ArrayList<>();
        List<Entry> page;
        long after = 0;
        do {
            page = journal.page(selection, after);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.getLast().seq();
            }
        } while (page.size() == EventJournal.PAGE);
        return all;
    }

    private static <T> @Nullable Change<T> changed(@Nullable T from, @Nullable T to) {
        return Objects.equals(from, to) ? null : new Change<>(from, to);
    }

    private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
