package io.kam.projection.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.EventJournal.Entry;
import io.kam.projection.kafka.EventJournal.Selection;
import io.kam.projection.kafka.Replayable;
import io.kam.projection.review.ReviewViews.Review;

/**
 * The review exactly as it stood at an instant (ADR 0016): in one transaction that is always rolled back, every table
 * the projectors write is shadowed by an empty temporary table of the same shape (PostgreSQL resolves unqualified
 * names in {@code pg_temp} first), the account's journaled events recorded up to the instant are applied again
 * through the same projectors, in the order they were first applied, and the same {@link ReviewReader} reads the
 * review as on that instant. What the review reads of other accounts is filled in too: every other account's
 * agreements known by then (the trade-spend section's national average), and the other accounts' conversions and
 * names as they are now (the origin's referral chain; a name is not a figure).
 */
@Component
class ReviewHistory {

    private static final Logger log = LoggerFactory.getLogger(ReviewHistory.class);
    /** Tables that are not the projection's read model: the journal itself, the platform's and Flyway's. */
    private static final String PROJECTED_TABLES = """
            select tablename from pg_tables
            where schemaname = 'public' and tablename <> 'review_journal' and tablename <> 'flyway_schema_history'
              and tablename not like 'kam\\_%' order by tablename""";
    private static final List<String> AGREEMENTS = List.of(
            NegotiationEvents.CATALOG.wireName(AgreementSigned.class).type(),
            NegotiationEvents.CATALOG.wireName(AgreementAmended.class).type());

    private final JdbcClient jdbc;
    private final EventJournal journal;
    private final ReviewReader reader;
    private final Map<String, Replayable> projectors;
    private final TransactionTemplate rolledBack;

    ReviewHistory(JdbcClient jdbc, EventJournal journal, ReviewReader reader, List<Replayable> listeners,
                  PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.reader = reader;
        this.projectors = listeners.stream().collect(Collectors.toMap(Replayable::topic, Function.identity()));
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The review as it stood at the instant, read as on that instant; empty when the platform knew nothing of the
     * account by then (or nothing that makes a review: the account's header).
     */
    Optional<Review> asOf(UUID accountId, Instant at, @Nullable Integer year, boolean terms) {
        long started = System.nanoTime();
        Optional<Review> review = rolledBack.execute(status -> {
            status.setRollbackOnly();
            if (!journal.knows(accountId, at)) {
                return Optional.<Review>empty();
            }
            shadowProjectedTables();
            long shadowed = System.nanoTime();
            long replayed = replay(Selection.of(accountId, at));
            long ownReplayed = System.nanoTime();
            long others = replay(new Selection(accountId, true, NegotiationEvents.TOPIC, AGREEMENTS, Instant.EPOCH, at));
            jdbc.sql("""
                            insert into pg_temp.prospect select * from public.prospect
                            where account_id <> ? and converted_at is not null""")
                    .param(accountId).update();
            jdbc.sql("""
                            insert into pg_temp.review_account (account_id, name)
                            select account_id, name from public.review_account where account_id <> ?
                            on conflict (account_id) do nothing""")
                    .param(accountId).update();
            long othersFilled = System.nanoTime();
            Optional<Review> read = reader.review(accountId, year, terms, at);
            long done = System.nanoTime();
            log.info("as-of review of {} at {}: {} events replayed, {} ms (shadowing {} ms, replay {} ms, other "
                            + "accounts' {} agreements and names {} ms, read {} ms)", accountId, at, replayed,
                    millis(done - started), millis(shadowed - started), millis(ownReplayed - shadowed), others,
                    millis(othersFilled - ownReplayed), millis(done - othersFilled));
            return read;
        });
        return review == null ? Optional.empty() : review;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /**
     * Shadows every projected table with an empty temporary one of the same shape (columns, defaults, identity,
     * keys and indexes, which the projectors' upserts need), dropped when the transaction ends; then makes the
     * session re-plan its cached statements, whose plans still name the tables they were planned against.
     */
    private void shadowProjectedTables() {
        for (String table : jdbc.sql(PROJECTED_TABLES).query(String.class).list()) {
            jdbc.sql("create temporary table %1$s (like public.%1$s including all) on commit drop".formatted(table))
                    .update();
        }
        jdbc.sql("discard plans").update();
    }

    /** Applies the selected journal entries through their topics' projectors, a page at a time; how many. */
    private long replay(Selection selection) {
        long count = 0;
        long after = 0;
        List<Entry> page;
        do {
            page = journal.page(selection, after);
            for (Entry entry : page) {
                Replayable projector = projectors.get(entry.topic());
                if (projector == null) {
                    throw new IllegalStateException("no listener reads " + entry.topic() + " any more");
                }
                projector.reapply(entry.envelope());
                after = entry.seq();
            }
            count += page.size();
        } while (page.size() == EventJournal.PAGE);
        return count;
    }
}
