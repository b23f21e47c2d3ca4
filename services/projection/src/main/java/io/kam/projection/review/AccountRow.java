package io.kam.projection.review;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The account header as the latest events tell it; fields stay null until an event sets them. */
@MappedEntity("review_account")
record AccountRow(
        @Id UUID accountId,
        @Nullable String name,
        @Nullable String banner,
        @Nullable RetailFormat format,
        @Nullable AccountScope scope,
        @Nullable Region homeRegion,
        @Nullable String owner,
        @Nullable AccountStatus status,
        @Nullable ValueTier tier,
        @Nullable AccountRole role,
        @Nullable DevelopmentStage stage) {

    /** An account known only by its id, until its header arrives. */
    static AccountRow unknown(UUID accountId) {
        return new AccountRow(accountId, null, null, null, null, null, null, null, null, null, null);
    }

    AccountRow opened(AccountOpened e) {
        return new AccountRow(accountId, e.name(), e.banner(), e.format(), e.scope(), e.homeRegion(), e.owner(),
                e.status(), tier, role, e.stage());
    }

    AccountRow updated(AccountUpdated e) {
        return new AccountRow(accountId, e.name(), e.banner(), e.format(), e.scope(), e.homeRegion(), e.owner(),
                e.status(), tier, role, stage);
    }

    AccountRow classified(ValueTier newTier, AccountRole newRole) {
        return new AccountRow(accountId, name, banner, format, scope, homeRegion, owner, status, newTier, newRole, stage);
    }

    AccountRow staged(DevelopmentStage newStage) {
        return new AccountRow(accountId, name, banner, format, scope, homeRegion, owner, status, tier, role, newStage);
    }
}
