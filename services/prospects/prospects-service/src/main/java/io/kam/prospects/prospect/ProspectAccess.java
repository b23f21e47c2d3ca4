package io.kam.prospects.prospect;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;

/**
 * Who may do what with prospects. National KA managers work every territory, define screening criteria and
 * override the qualifying score; regional coordinators work the prospects of their own region (another region's
 * answer 404, so they do not leak) and read its criteria; integrations have no business here.
 */
@Component
public class ProspectAccess {

    private final CurrentActor current;
    private final ProspectRepository prospects;

    ProspectAccess(CurrentActor current, ProspectRepository prospects) {
        this.current = current;
        this.prospects = prospects;
    }

    public Actor worker() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
    }

    public Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    /** A coordinator's region; empty for a national KA manager. */
    public Optional<Region> confinement(Actor actor) {
        return DataScope.region(actor, Region.class);
    }

    /** The region a listing covers: the asked one, or the coordinator's own (asking for another is 403). */
    public Optional<Region> listingRegion(Actor actor, Region requested) {
        return DataScope.listingRegion(actor, requested, Region.class);
    }

    /** Finding or changing prospects in a region: a coordinator only in their own. */
    public void requireRegion(Actor actor, Region region) {
        confinement(actor).filter(own -> own != region).ifPresent(own -> {
            throw new Rejection.Forbidden("outside-your-region", "you work in " + own + " and cannot work prospects in "
                    + region).refused();
        });
    }

    /** The prospect, if the actor may see it; 404 otherwise. */
    public Prospect visible(UUID id, Actor actor) {
        Prospect prospect = prospects.findById(id).orElseThrow(() -> new Rejection.NotFound("Prospect", id).refused());
        if (confinement(actor).filter(region -> region != prospect.region()).isPresent()) {
            throw new Rejection.NotFound("Prospect", id).refused();
        }
        return prospect;
    }

}
