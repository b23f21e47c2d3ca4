package io.kam.projection.review;

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
 * One account's review as a caller may read it: who sees which account and which sections, in one place for
 * {@code GET /api/reviews/{accountId}} and the exports ({@link io.kam.projection.export}). A coordinator sees the
 * account's review from their region, a national KA manager the trade-spend section too, an integration the
 * integration's view, and an integration bound to the retailer the retailer's audience.
 */
@Component
public class ReviewAudiences {

    private final ReviewReader reader;
    private final VisibleAccounts visible;
    private final JsonMapper json;

    ReviewAudiences(ReviewReader reader, VisibleAccounts visible, JsonMapper json) {
        this.reader = reader;
        this.visible = visible;
        this.json = json;
    }

    /** The review the actor may read; empty when the account is unknown or not the actor's to see. */
    Optional<Review> review(Actor actor, UUID accountId, @Nullable Integer year) {
        if (!visible.visibleTo(actor, accountId)) {
            return Optional.empty();
        }
        Optional<Region> confined = DataScope.region(actor, Region.class);
        boolean terms = actor.has(Actor.NATIONAL_KA_MANAGER) && confined.isEmpty()
                && DataScope.account(actor).isEmpty();
        return reader.review(accountId, year, terms)
                .map(review -> confined.map(review::seenFrom).orElse(review))
                .map(review -> !actor.has(Actor.INTEGRATION) || actor.has(Actor.NATIONAL_KA_MANAGER) ? review
                        : forTheRetailer(actor) ? review.forRetailer() : review.forIntegration());
    }

    /**
     * The review the actor may read, as the JSON {@code GET /api/reviews/{accountId}} serves, and for the retailer's
     * audience ({@link Review#forRetailer()}) when asked: what the exports render.
     */
    public Optional<JsonNode> document(Actor actor, UUID accountId, @Nullable Integer year, boolean retailerAudience) {
        return review(actor, accountId, year).map(review -> retailerAudience ? review.forRetailer() : review)
                .map(json::<JsonNode>valueToTree);
    }

    /** An integration bound to one retailer, which may act for the retailer itself: it gets the retailer's audience. */
    public static boolean forTheRetailer(Actor actor) {
        return actor.has(Actor.INTEGRATION) && !actor.has(Actor.NATIONAL_KA_MANAGER)
                && DataScope.account(actor).isPresent();
    }
}
