package io.kam.sellthrough.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.sellthrough.replica.Directory;

/**
 * Who may do what with sell-through data.
 * <ul>
 *   <li>Pushing rows: integrations and national KA managers. An integration whose token names a retailer (the
 *       {@code retailer} claim, an account id) pushes for that account only: asking for another is a 403 (the push
 *       API resolves the account a push names).</li>
 *   <li>Reading batches (status, progress, counts): every role, within its scope. A retailer-bound integration sees its
 *       account's batches; a regional coordinator sees the batches of accounts present in their region (at home there,
 *       or with an open store there), to know whether their stores' figures arrived. Outside the scope, a batch does
 *       not exist (404).</li>
 *   <li>Reading rejected rows (the report): managers and integrations. Not coordinators: the rows hold figures of
 *       every region's stores.</li>
 *   <li>Settings and connectors: national KA managers; integrations may read their account's settings.</li>
 * </ul>
 */
@Component
public class SellThroughAccess {

    private final CurrentActor current;
    private final Directory directory;

    SellThroughAccess(CurrentActor current, Directory directory) {
        this.current = current;
        this.directory = directory;
    }

    /** Sending rows. */
    public Actor pusher() {
        return current.requireAny(Actor.INTEGRATION, Actor.NATIONAL_KA_MANAGER);
    }

    /** Reading batches: every role. */
    public Actor reader() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR, Actor.INTEGRATION);
    }

    /** Reading rejected rows and settings: managers and integrations. */
    public Actor reportReader() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.INTEGRATION);
    }

    /** Settings and connectors. */
    public Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    /** Whether the account lies within what the actor may see. */
    public boolean visible(Actor actor, UUID account) {
        return DataScope.account(actor).map(only -> only.equals(account)).orElse(true)
                && DataScope.region(actor).map(region -> directory.presentIn(account, region)).orElse(true);
    }

    /** The account, if the actor may see it; 404 otherwise, so that its existence does not leak. */
    public void requireVisible(Actor actor, UUID account) {
        if (!visible(actor, account) || directory.account(account).isEmpty()) {
            throw new Rejection.NotFound("Account", account).refused();
        }
    }

    /** The one account a retailer-bound integration sees; empty for everyone else. */
    public Optional<UUID> onlyAccount(Actor actor) {
        return DataScope.account(actor);
    }

    /** The region a coordinator is confined to; empty for everyone else. */
    public Optional<String> region(Actor actor) {
        return DataScope.region(actor);
    }

    /** Whether the actor may read rejected rows. */
    public static boolean mayReadRows(Actor actor) {
        return actor.has(Actor.NATIONAL_KA_MANAGER) || actor.has(Actor.INTEGRATION);
    }
}
