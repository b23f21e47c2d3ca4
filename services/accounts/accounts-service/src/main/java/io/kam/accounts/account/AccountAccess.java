package io.kam.accounts.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;

/**
 * Who may do what with accounts. National KA managers see and change everything; regional coordinators see the
 * accounts present in their region (their home region, or with an open store there) and change only the stores of
 * their region; integrations read. What a coordinator may not see answers 404, so its existence does not leak;
 * what they may see but not change answers 403.
 */
@Component
public class AccountAccess {

    private final CurrentActor current;
    private final AccountRepository accounts;
    private final JdbcClient jdbc;

    AccountAccess(CurrentActor current, AccountRepository accounts, JdbcClient jdbc) {
        this.current = current;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Opening, revising, classifying, staging accounts and keeping their contacts: national KA managers. */
    public Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    /** Reading: every platform role. */
    public Actor reader() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION);
    }

    /** Opening and closing stores: managers anywhere, coordinators in their own region. */
    public Actor storeKeeper(Region storeRegion) {
        Actor actor = current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
        confinement(actor).filter(region -> region != storeRegion).ifPresent(region -> {
            throw new ApiProblem.Forbidden("outside-your-region",
                    "you work in " + region + " and cannot change stores in " + storeRegion);
        });
        return actor;
    }

    /** The region a coordinator's work is confined to; empty for everyone else. */
    public Optional<Region> confinement(Actor actor) {
        if (!actor.isConfinedToARegion()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Region.valueOf(String.valueOf(actor.region())));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem.Forbidden("region-missing",
                    "your login has no valid region; an administrator sets it in Keycloak");
        }
    }

    /** The region a listing is limited to: the caller's own for a coordinator, who may not ask for another. */
    public Optional<Region> listingRegion(Actor actor, Region requested) {
        Optional<Region> confined = confinement(actor);
        if (confined.isPresent() && requested != null && requested != confined.get()) {
            throw new ApiProblem.Forbidden("outside-your-region", "you work in " + confined.get() + ", not " + requested);
        }
        return confined.or(() -> Optional.ofNullable(requested));
    }

    /** The account, if the actor may see it; 404 otherwise. */
    public Account visible(UUID id, Actor actor) {
        Account account = accounts.findById(id).orElseThrow(() -> AccountNames.notFound(id));
        confinement(actor).filter(region -> !presentIn(account, region)).ifPresent(region -> {
            throw AccountNames.notFound(id);
        });
        return account;
    }

    private boolean presentIn(Account account, Region region) {
        return account.homeRegion() == region || jdbc.sql("""
                        select exists (select 1 from store where account_id = :id and region = :region and status = 'OPEN')""")
                .param("id", account.id()).param("region", region.name()).query(Boolean.class).single();
    }
}
