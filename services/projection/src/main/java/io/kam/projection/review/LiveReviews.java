package io.kam.projection.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.review.ReviewViews.Review;

/**
 * The reviews as they stand, kept once read until something they show has changed. Assembling a review takes a dozen
 * queries; telling whether it changed takes one: every change to the projection is an applied event, journaled in the
 * same transaction with a position that only grows (rebuilds included), so a review is still current while
 * <ul>
 *   <li>its account's last journal position,</li>
 *   <li>the last position on {@code kam.negotiations.v1} (the trade-spend section's national average reads every
 *       chain's agreements), and</li>
 *   <li>the last position of an account's name being set (the origin's referral chain names other accounts)</li>
 * </ul>
 * are what they were when it was read, on the same market day (the review's current year and its windows follow the
 * day). The positions are read before the review, so a change committed in between makes the next request read again,
 * never the reverse. Each instance keeps its own; {@code kam.projection.live-reviews.size} (1,000) bounds them, least
 * recently used first out; 0 turns the cache off.
 */
@Component
class LiveReviews {

    private static final String STAMP = """
            select (select coalesce(max(seq), 0) from review_journal where account_id = :account),
                   (select coalesce(max(seq), 0) from review_journal where topic = 'kam.negotiations.v1'),
                   (select coalesce(max(seq), 0) from review_journal where type in ('kam.account.opened', 'kam.account.updated'))""";

    private record Key(UUID accountId, @Nullable Integer year, boolean terms, LocalDate day) {
    }

    /** The journal positions a current review depends on (see the class comment). */
    record Stamp(long account, long negotiations, long names) {
    }

    private record Kept(Stamp stamp, Review review) {
    }

    private final ReviewReader reader;
    private final JdbcClient jdbc;
    private final MarketCalendar market;
    private final int size;
    private final Map<Key, Kept> kept;

    LiveReviews(ReviewReader reader, JdbcClient jdbc, MarketCalendar market,
                @Value("${kam.projection.live-reviews.size:1000}") int size) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.market = market;
        this.size = size;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > LiveReviews.this.size;
            }
        };
    }

    /** As {@link ReviewReader#review(UUID, Integer, boolean)}: the review as it stands. */
    Optional<Review> review(UUID accountId, @Nullable Integer year, boolean terms) {
        if (size <= 0) {
            return reader.review(accountId, year, terms);
        }
        Key key = new Key(accountId, year, terms, market.today());
        Stamp stamp = stamp(accountId);
        Kept hit;
        synchronized (kept) {
            hit = kept.get(key);
        }
        if (hit != null && hit.stamp().equals(stamp)) {
            return Optional.of(hit.review());
        }
        Optional<Review> review = reader.review(accountId, year, terms);
        review.ifPresent(read -> {
            synchronized (kept) {
                kept.put(key, new Kept(stamp, read));
            }
        });
        return review;
    }

    /**
     * The positions the account's current review depends on now: while they stay the same (on the same market day),
     * so does the review. Read them before the review, never after.
     */
    Stamp stamp(UUID accountId) {
        return jdbc.sql(STAMP).param("account", accountId)
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Forgets every kept review (a rebuild that swaps the tables calls it once the new ones are in place). */
    void forgetAll() {
        synchronized (kept) {
            kept.clear();
        }
    }
}
