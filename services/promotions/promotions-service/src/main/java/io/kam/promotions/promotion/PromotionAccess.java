package io.kam.promotions.promotion;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;

/**
 * Who may see which promotions. National KA managers plan, approve, agree and cancel, and see every promotion. A
 * regional coordinator reads the promotions that run in a store of their region. An integration bound to a retailer
 * reads that account's agreed promotions only (the calendar, never the internal ones); an integration bound to none
 * reads nothing (fail closed). Outside what one may see, a promotion answers 404, so its existence does not leak.
 */
@Component
class PromotionAccess {

    /** What a reader may see: every promotion, one region's, or one account's agreed ones. */
    record Scope(Optional<Region> region, Optional<UUID> account, boolean agreedOnly) {

        boolean sees(Promotion promotion) {
            return region.map(promotion.regions()::contains).orElse(true)
                    && account.map(promotion.accountId()::equals).orElse(true)
                    && (!agreedOnly || promotion.status().agreed());
        }
    }

    /** The roles that read promotions; only national KA managers change them. */
    static final String[] READERS = {Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION};

    /** What a reader (one of {@link #READERS}) may see. */
    Scope scopeOf(Actor actor) {
        if (actor.has(Actor.NATIONAL_KA_MANAGER)) {
            return new Scope(Optional.empty(), Optional.empty(), false);
        }
        if (actor.has(Actor.REGIONAL_COORDINATOR)) {
            return new Scope(DataScope.region(actor, Region.class), Optional.empty(), false);
        }
        return new Scope(Optional.empty(), DataScope.account(actor), true);
    }

    /** Refuses (404) a promotion the scope does not see. */
    static Promotion visible(Scope scope, Promotion promotion) {
        if (!scope.sees(promotion)) {
            throw new Rejection.NotFound("Promotion", promotion.id()).refused();
        }
        return promotion;
    }
}
