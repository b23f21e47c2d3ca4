package io.kam.projection.review;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Rejection;
import io.kam.projection.rebuild.ProjectionSwapped;
import io.kam.projection.review.ServedJson.Served;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current reviews and rankings as served, their JSON bytes kept ({@link ServedJson}) with an ETag known before
 * they are read, so that a repeated request costs one query (the journal positions) and a client that has the answer
 * gets 304. A review is kept per account, year asked, market day, audience (a coordinator's region, the trade-spend
 * section, the integration's or the retailer's view: what one audience is served is never served to another) and
 * the positions {@link LiveReviews} watches; a ranking or regional view per parameters, audience (trade spend or
 * not), market day and the journal's last position, so any applied event makes the next request rank again, once.
 * As-of reviews are not kept. {@code kam.projection.served-json.max-bytes} (64 MB) bounds each of the two; 0, or
 * {@code kam.projection.live-reviews.size=0}, keeps nothing (answers still carry their ETag).
 */
@Component
class ReviewResponses {

    /** Everything one current review as served depends on. */
    record ReviewKey(UUID accountId, @Nullable Integer year, LocalDate day, Audience audience, LiveReviews.Stamp stamp) {
    }

    /** Everything one ranking or regional view as served depends on. */
    record RankingKey(@Nullable Region view, @Nullable Integer year, @Nullable Region region, @Nullable ValueTier tier,
                      ReviewRanking.RankBy by, boolean terms, LocalDate day, long position) {
    }

    private final LiveReviews live;
    private final ReviewRanking ranking;
    private final JdbcClient jdbc;
    private final MarketCalendar market;
    private final ServedJson<ReviewKey> reviews;
    private final ServedJson<RankingKey> rankings;

    ReviewResponses(LiveReviews live, ReviewRanking ranking, JdbcClient jdbc, MarketCalendar market, JsonMapper json,
                    @Value("${kam.projection.served-json.max-bytes:67108864}") long maxBytes,
                    @Value("${kam.projection.live-reviews.size:1000}") int liveReviews) {
        this.live = live;
        this.ranking = ranking;
        this.jdbc = jdbc;
        this.market = market;
        long kept = liveReviews <= 0 ? 0 : maxBytes;
        this.reviews = new ServedJson<>(json, kept);
        this.rankings = new ServedJson<>(json, kept);
    }

    /** The key of the account's current review for this audience, as of now. */
    ReviewKey reviewKey(UUID accountId, @Nullable Integer year, Audience audience) {
        LocalDate day = market.today();
        return new ReviewKey(accountId, year, day, audience, live.stamp(accountId));
    }

    Served review(ReviewKey key) {
        return reviews.get(key, () -> live.review(key.accountId(), key.year(), key.audience().terms())
                .map(key.audience()::of)
                .orElseThrow(() -> new Rejection.NotFound("Account review", key.accountId()).refused()));
    }

    /** The key of a ranking ({@code view} null) or of a region's view ({@code view} that region), as of now. */
    RankingKey rankingKey(@Nullable Region view, @Nullable Integer year, @Nullable Region region,
                          @Nullable ValueTier tier, ReviewRanking.RankBy by, boolean terms) {
        LocalDate day = market.today();
        long position = jdbc.sql("select coalesce(max(seq), 0) from review_journal").query(Long.class).single();
        return new RankingKey(view, year, region, tier, by, terms, day, position);
    }

    Served ranking(RankingKey key) {
        return rankings.get(key, () -> key.view() == null
                ? ranking.rank(key.year(), key.region(), key.tier(), key.by(), key.terms())
                : ranking.region(key.year(), key.view(), key.tier(), key.by(), key.terms()));
    }

    /**
     * Forgets every kept review and ranking, here and in {@link LiveReviews}: for a rebuild that swaps the tables
     * (journal positions keep growing through a rebuild, so the keys move anyway; this frees the memory at once).
     * Called on {@link ProjectionSwapped}.
     */
    @EventListener(ProjectionSwapped.class)
    void forgetAll() {
        reviews.forgetAll();
        rankings.forgetAll();
        live.forgetAll();
    }

    /** How many reviews and rankings are kept as served now. */
    long keptAnswers() {
        return reviews.kept() + rankings.kept();
    }
}
