package io.kam.accounts.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
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

    /**
     * Keeping an account's relationship records (SWOT, heat, wall, important dates): national KA managers, of an
     * account they may see. Whoever may not see the account gets 404 first, so its existence does not leak; who
     * sees it but may not change it (coordinators of its region, integrations) gets 403.
     */
    public Actor managerOf(UUID accountId) {
        visible(accountId, reader());
        return manager();
    }

    /**
     * Managers and coordinators: the people who plan and carry out the work (plans, reminders), unlike integrations,
     * which have no business with them.
     */
    public Actor managerOrCoordinator() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
    }

    /** Opening and closing stores: managers anywhere, coordinators in their own region. */
    public Actor storeKeeper(Region storeRegion) {
        Actor actor = current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
        confinement(actor).filter(region -> region != storeRegion).ifPresent(region -> {
            throw new Rejection.Forbidden("outside-your-region",
                    "you work in " + region + " and cannot change stores in " + storeRegion).refused();
        });
        return actor;
    }

    /** The region a coordinator's work is confined to; empty for everyone else. */
    public Optional<Region> confinement(Actor actor) {
        return DataScope.region(actor, Region.class);
    }

    /** The region a listing is limited to: the caller's own for a coordinator, who may not ask for another. */
    public Optional<Region> listingRegion(Actor actor, Region requested) {
        return DataScope.listingRegion(actor, requested, Region.class);
    }

    /** The one account an integration tied to a retailer may see; empty for everyone else. */
    public Optional<UUID> onlyAccount(Actor actor) {
        return DataScope.account(actor);
    }

    /** The account, if the actor may see it; 404 otherwise. */
    public Account visible(UUID id, Actor actor) {
        Account account = accounts.findById(id).orElseThrow(() -> AccountNames.notFound(id));
        boolean outside = confinement(actor).filter(region -> !presentIn(account, region)).isPresent()
                || onlyAccount(actor).filter(only -> !only.equals(id)).isPresent();
        if (outside) {
            throw AccountNames.notFound(id);
        }
        return account;
    }

    private boolean presentIn(Account account, Region region) {
        return account.homeRegion() == region || jdbc.sql("""
                        select exists (select 1 from store where account_id = :id and region = :region and status = 'OPEN')""")
                .param("id", account.id()).param("region", region.name()).query(Boolean.class).single();
    }
}
