package io.kam.visits.listing;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.platform.persistence.UniqueViolations;
import io.kam.visits.api.Gtin;
import io.kam.visits.api.SettingRequests;
import io.kam.visits.api.StoreCheckEvents.SkuChanged;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.replica.AccountReplicas;

/**
 * National KA managers list SKUs for an account at an agreed retail price, change them and delist them. A SKU not yet
 * listed is listed with {@code If-Match: *}; a listed one needs its current version (or {@code *}).
 */
@Service
public class SkuBook {

    private final ListedSkus skus;
    private final AccountReplicas accounts;
    private final Outbox outbox;

    SkuBook(ListedSkus skus, AccountReplicas accounts, Outbox outbox) {
        this.skus = skus;
        this.accounts = accounts;
        this.outbox = outbox;
    }

    /** The GTIN of a path or body as 14 digits; 400 when it is none. */
    public static String gtin(String field, String text) {
        return Gtin.normalise(text).orElseThrow(() -> new Rejection.Invalid(field, Gtin.problem(text)).refused());
    }

    @Transactional
    public ListedSku list(UUID accountId, String gtinText, long expectedVersion, SettingRequests.ListSku request,
                          Actor actor) {
        String gtin = gtin("gtin", gtinText);
        requireAccount(accountId);
        String name = request.name().strip();
        BigDecimal price = request.agreedRetailPrice().setScale(2);
        var current = skus.findForUpdate(accountId, gtin);
        if (current.isEmpty()) {
            if (expectedVersion != ExpectedVersion.ANY) {
                throw new Rejection.Conflict("sku-not-listed", "SKU " + gtin + " is not listed for the account, so it "
                        + "has no version " + expectedVersion + "; list it with If-Match: *").refused();
            }
            ListedSku listed = UniqueViolations.guard("listed_sku_once",
                    () -> skus.save(new ListedSku(UUID.randomUUID(), accountId, gtin, name, price, null)),
                    () -> new Rejection.Conflict("sku-already-listed", "SKU " + gtin + " was listed meanwhile").refused());
            outbox.append(VisitEvents.CATALOG, new SkuListed(accountId, gtin, name, price), actor.name());
            return listed;
        }
        ListedSku sku = current.get();
        ExpectedVersion.require(expectedVersion, sku.version());
        if (sku.name().equals(name) && sku.agreedRetailPrice().compareTo(price) == 0) {
            return sku;
        }
        ListedSku changed = skus.update(new ListedSku(sku.id(), accountId, gtin, name, price, sku.version()));
        outbox.append(VisitEvents.CATALOG, new SkuChanged(accountId, gtin, name, price, sku.agreedRetailPrice()),
                actor.name());
        return changed;
    }

    @Transactional
    public void delist(UUID accountId, String gtinText, long expectedVersion, Actor actor) {
        String gtin = gtin("gtin", gtinText);
        requireAccount(accountId);
        ListedSku sku = skus.findForUpdate(accountId, gtin)
                .orElseThrow(() -> new Rejection.NotFound("Listed SKU", gtin).refused());
        ExpectedVersion.require(expectedVersion, sku.version());
        skus.delete(sku);
        outbox.append(VisitEvents.CATALOG, new SkuDelisted(accountId, gtin), actor.name());
    }

    private void requireAccount(UUID accountId) {
        if (!accounts.existsById(accountId)) {
            throw new Rejection.NotFound("Account", accountId).refused();
        }
    }
}
