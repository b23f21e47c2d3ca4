package io.kam.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.ContactChanged;
import io.kam.accounts.api.AccountEvents.ContactRemoved;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;

/** Account events as the accounts service would publish them, for fresh accounts, stores and contacts. */
public final class AccountFixture {

    private static final Address HQ = new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120");

    private AccountFixture() {
    }

    public static AccountOpened aNationalHypermarketChain(UUID accountId, String name) {
        return new AccountOpened(accountId, name, name + " Hyper", RetailFormat.HYPERMARKET, "Listed", HQ,
                AccountScope.NATIONAL, null, "nora", AccountStatus.ACTIVE, DevelopmentStage.TARGET_EVALUATION);
    }

    public static AccountOpened aRegionalSupermarketChain(UUID accountId, String name, Region home) {
        return new AccountOpened(accountId, name, name + " Fresh", RetailFormat.SUPERMARKET, "Family owned", HQ,
                AccountScope.REGIONAL, home, "wang", AccountStatus.ACTIVE, DevelopmentStage.TARGET_EVALUATION);
    }

    public static StoreOpened aStoreOpened(UUID accountId, Region region) {
        UUID storeId = UUID.randomUUID();
        return new StoreOpened(accountId, storeId, "S-" + storeId.toString().substring(0, 8), "Store " + region,
                "Anytown", region, RetailFormat.HYPERMARKET, LocalDate.of(2020, 5, 1));
    }

    public static StoreClosed closed(StoreOpened store) {
        return new StoreClosed(store.accountId(), store.storeId(), store.code(), store.region(),
                LocalDate.of(2026, 2, 28), "Lease not renewed");
    }

    public static ContactAdded aContactAdded(UUID accountId, Department department, ContactLevel level) {
        return new ContactAdded(accountId, UUID.randomUUID(), "Li Wei", department, "Buyer", level,
                "+86 21 5888 1234", "li.wei@example.com");
    }

    public static ContactChanged movedTo(ContactAdded contact, Department department) {
        return new ContactChanged(contact.accountId(), contact.contactId(), contact.name(), department, contact.role(),
                contact.level(), contact.phone(), contact.email());
    }

    public static ContactRemoved removed(ContactAdded contact, Department department) {
        return new ContactRemoved(contact.accountId(), contact.contactId(), department);
    }

    public static AccountClassified classified(UUID accountId, ValueTier from, ValueTier to, AccountRole role,
                                               Instant at) {
        return new AccountClassified(accountId, to, role, from, null, "Volume up 30% at a thin margin", "nora", at);
    }

    public static AccountStageChanged stageChanged(UUID accountId, DevelopmentStage from, DevelopmentStage to,
                                                   Instant at) {
        return new AccountStageChanged(accountId, from, to, "Listed 42 SKUs with end-cap priority", null, "nora", at);
    }
}
