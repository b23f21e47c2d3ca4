package io.kam.visits.access;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;

/**
 * Who may do what with visits, store checks, complaints, trips and their photos. National KA managers see and change
 * everything and alone set standards, coordinators, listed SKUs and commitment policies, and decide on flagged
 * commitments and trips. A regional coordinator sees and changes only what lies in their region: outside it, a thing
 * answers 404 so that its existence does not leak; asking for another region explicitly answers 403. Integrations
 * have no access: visits are our own field work, not data a retailer's or a dashboard's client needs (403).
 */
@Component
public class VisitAccess {

    private final CurrentActor current;

    VisitAccess(CurrentActor current) {
        this.current = current;
    }

    /** The people who plan and make visits: national KA managers and regional coordinators. */
    public Actor staff() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
    }

    /** National KA managers only. */
    public Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    /** The region a coordinator's work is confined to; empty for a national KA manager. */
    public Optional<Region> confinement(Actor actor) {
        return DataScope.region(actor).map(VisitAccess::region);
    }

    /** Whether the actor may see what lies in the region. */
    public boolean sees(Actor actor, Region region) {
        return confinement(actor).map(own -> own == region).orElse(true);
    }

    /** Refuses (404) what lies outside the actor's region, so its existence does not leak. */
    public void requireVisible(Actor actor, Region region, String what, Object id) {
        if (!sees(actor, region)) {
            throw new Rejection.NotFound(what, id).refused();
        }
    }

    /** Refuses (403) an actor who names a region other than their own. */
    public void requireWorksIn(Actor actor, Region region) {
        confinement(actor).filter(own -> own != region).ifPresent(own -> {
            throw new Rejection.Forbidden("outside-your-region", "you work in " + own + ", not " + region).refused();
        });
    }

    /** The region a listing is limited to: a coordinator's own, who may not ask for another; else the one asked for. */
    public Optional<Region> listingRegion(Actor actor, @Nullable Region requested) {
        return DataScope.listingRegion(actor, requested == null ? null : requested.name()).map(VisitAccess::region);
    }

    private static Region region(String name) {
        try {
            return Region.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Rejection.Forbidden("region-missing", "your login's region " + name + " is not a sales region").refused();
        }
    }
}
