package io.kam.projection.review;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.events.Actor;
import io.kam.projection.review.ReviewViews.Review;
import io.kam.projection.scope.VisibleAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One account's review as a caller may read it, now or as it stood at an instant: who sees which account and which
 * sections, in one place for {@code GET /api/reviews/{accountId}}, its {@code /changes} and the exports
 * ({@link io.kam.projection.export}). A coordinator sees the account's review from their region, a national KA
 * manager the trade-spend section too, an integration the integration's view, and an integration bound to the
 * retailer the retailer's audience.
 */
@Component
public class ReviewAudiences {

    private final LiveReviews reader;
    private final ReviewHistory history;
    private final VisibleAccounts visible;
    private final JsonMapper json;

    ReviewAudiences(LiveReviews reader, ReviewHistory history, VisibleAccounts visible, JsonMapper json) {
        this.reader = reader;
        this.history = history;
        this.visible = visible;
        this.json = json;
    }

    /** Whom the review is read for; empty when the account is unknown or not the actor's to see. */
    Optional<Audience> audience(Actor actor, UUID accountId) {
        if (!visible.visibleTo(actor, accountId)) {
            return Optional.empty();
        }
        Optional<Region> confined = DataScope.region(actor, Region.class);
        boolean terms = actor.has(Actor.NATIONAL_KA_MANAGER) && confined.isEmpty()
                && DataScope.account(actor).isEmpty();
        boolean integration = actor.has(Actor.INTEGRATION) && !actor.has(Actor.NATIONAL_KA_MANAGER);
        return Optional.of(new Audience(terms, confined.orElse(null), integration, integration && forTheRetailer(actor)));
    }

    /**
     * The review the actor may read, now or (with {@code asOf}) exactly as it stood then; empty when the account is
     * unknown, not the actor's to see, or not yet known to the platform at {@code asOf}.
     */
    Optional<Review> review(Actor actor, UUID accountId, @Nullable Integer year, @Nullable Instant asOf) {
        return audience(actor, accountId).flatMap(audience -> (asOf == null
                ? reader.review(accountId, year, audience.terms())
                : history.asOf(accountId, asOf, year, audience.terms())).map(audience::of));
    }

    /**
     * The review the actor may read, as the JSON {@code GET /api/reviews/{accountId}} serves, and for the retailer's
     * audience ({@link Review#forRetailer()}) when asked: what the exports render.
     */
    public Optional<JsonNode> document(Actor actor, UUID accountId, @Nullable Integer year, @Nullable Instant asOf,
                                       boolean retailerAudience) {
        return review(actor, accountId, year, asOf).map(review -> retailerAudience ? review.forRetailer() : review)
                .map(json::<JsonNode>valueToTree);
    }

    /** An integration bound to one retailer, which may act for the retailer itself: it gets the retailer's audience. */
    public static boolean forTheRetailer(Actor actor) {
        return actor.has(Actor.INTEGRATION) && !actor.has(Actor.NATIONAL_KA_MANAGER)
                && DataScope.account(actor).isPresent();
    }
}
