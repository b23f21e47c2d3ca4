package io.kam.sellthrough.access;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;
import io.kam.platform.web.DataScope;
import io.kam.sellthrough.replica.Directory;
import io.kam.sellthrough.settings.SettingsStore;

/**
 * Who may do what with sell-through data.
 * <ul>
 *   <li>Pushing rows: integrations and national KA managers. An integration whose token names a retailer (the
 *       {@code retailer} claim, an account id) pushes for that account only: asking for another is a 403.</li>
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
    private final SettingsStore settings;

    SellThroughAccess(CurrentActor current, Directory directory, SettingsStore settings) {
        this.current = current;
        this.directory = directory;
        this.settings = settings;
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

    /**
     * The account a push is for, named by id or by retailer code (or, for a retailer-bound integration, neither: its
     * own). A bound integration naming another account is refused before anything about that account is looked up.
     *
     * @throws ApiProblem.Forbidden  for a bound integration naming another account
     * @throws ApiProblem.NotFound   for an account or retailer code the service does not know
     */
    public UUID pushTarget(Actor actor, @Nullable UUID account, @Nullable String retailer) {
        if (account != null && retailer != null) {
            throw new ApiProblem.Invalid("retailer", "name the account either by id (account) or by retailer code, not both");
        }
        Optional<UUID> bound = DataScope.account(actor);
        UUID target = account;
        if (target == null && retailer != null) {
            Optional<UUID> named = settings.accountOf(retailer);
            if (named.isEmpty() && bound.isPresent()) {
                throw notYourRetailer(bound.get());
            }
            target = named.orElseThrow(() -> new ApiProblem.NotFound("Retailer code", retailer));
        }
        if (target == null) {
            target = bound.orElseThrow(() -> new ApiProblem.Invalid("account", "name the account: account=<id> or retailer=<code>"));
        }
        if (bound.isPresent() && !bound.get().equals(target)) {
            throw notYourRetailer(bound.get());
        }
        UUID id = target;
        directory.account(id).orElseThrow(() -> new ApiProblem.NotFound("Account", id));
        return id;
    }

    private static ApiProblem.Forbidden notYourRetailer(UUID bound) {
        return new ApiProblem.Forbidden("not-your-retailer",
                "this client is bound to the retailer account " + bound + " and may send rows for it only");
    }

    /** Whether the account lies within what the actor may see. */
    public boolean visible(Actor actor, UUID account) {
        return DataScope.account(actor).map(only -> only.equals(account)).orElse(true)
                && DataScope.region(actor).map(region -> directory.presentIn(account, region)).orElse(true);
    }

    /** The account, if the actor may see it; 404 otherwise, so that its existence does not leak. */
    public void requireVisible(Actor actor, UUID account) {
        if (!visible(actor, account) || directory.account(account).isEmpty()) {
            throw new ApiProblem.NotFound("Account", account);
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
