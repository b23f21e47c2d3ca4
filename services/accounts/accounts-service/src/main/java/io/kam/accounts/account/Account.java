package io.kam.accounts.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.domain.FieldError;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

/**
 * A retailer account, the aggregate root of this service. It decides every change and returns the events it
 * caused; the use cases save the new state and append the events to the outbox in one transaction.
 */
@MappedEntity("account")
public record Account(
        @Id UUID id,
        String name,
        String banner,
        RetailFormat format,
        @Nullable String ownership,
        @MappedProperty("hq_street") String hqStreet,
        @MappedProperty("hq_city") String hqCity,
        @Nullable @MappedProperty("hq_province") String hqProvince,
        @Nullable @MappedProperty("hq_postal_code") String hqPostalCode,
        AccountScope scope,
        @Nullable Region homeRegion,
        String owner,
        AccountStatus status,
        @Nullable ValueTier tier,
        @Nullable AccountRole role,
        DevelopmentStage stage,
        Instant createdAt,
        Instant updatedAt,
        @Nullable @Version Long version) {

    /** The master data a caller may set; classification and stage change only through their own commands. */
    public record Header(String name, String banner, RetailFormat format, String ownership, Address headquarters,
                         AccountScope scope, Region homeRegion, String owner, AccountStatus status) {
    }

    /** A decision: the new state and the event it caused, if any. */
    public record Changed<E>(Account account, @Nullable E event) {
    }

    /**
     * Opens an account. An existing customer may be entered at a later development stage, with the evidence for
     * it; the use case records that as the account's first stage change.
     */
    public static Changed<AccountOpened> open(UUID id, Header header, DevelopmentStage stage, String stageEvidence,
                                              Instant now) {
        requireConsistentScope(header);
        DevelopmentStage initial = stage == null ? DevelopmentStage.TARGET_EVALUATION : stage;
        if (initial != DevelopmentStage.TARGET_EVALUATION && (stageEvidence == null || stageEvidence.isBlank())) {
            throw new ApiProblem.Invalid("stageEvidence", "is required when an account opens beyond TARGET_EVALUATION");
        }
        Address hq = header.headquarters();
        Account account = new Account(id, header.name().strip(), header.banner().strip(), header.format(),
                header.ownership(), hq.street(), hq.city(), hq.province(), hq.postalCode(), header.scope(),
                header.homeRegion(), header.owner().strip(), header.status(), null, null, initial, now, now, null);
        return new Changed<>(account, new AccountOpened(id, account.name(), account.banner(), account.format(),
                account.ownership(), hq, account.scope(), account.homeRegion(), account.owner(), account.status(),
                initial));
    }

    public Header header() {
        return new Header(name, banner, format, ownership, headquarters(), scope, homeRegion, owner, status);
    }

    public Address headquarters() {
        return new Address(hqStreet, hqCity, hqProvince, hqPostalCode);
    }

    /**
     * Replaces the master data. The event carries the version the account will have once saved. Returns no event
     * when nothing changes, so that a repeated PUT neither bumps the version nor tells consumers anything.
     */
    public Changed<AccountUpdated> revise(Header header, Instant now) {
        requireConsistentScope(header);
        if (normalised(header).equals(header())) {
            return new Changed<>(this, null);
        }
        Address hq = header.headquarters();
        Account revised = new Account(id, header.name().strip(), header.banner().strip(), header.format(),
                header.ownership(), hq.street(), hq.city(), hq.province(), hq.postalCode(), header.scope(),
                header.homeRegion(), header.owner().strip(), header.status(), tier, role, stage, createdAt, now, version);
        return new Changed<>(revised, new AccountUpdated(id, revised.name(), revised.banner(), revised.format(),
                revised.ownership(), hq, revised.scope(), revised.homeRegion(), revised.owner(), revised.status(),
                version + 1));
    }

    /**
     * Re-assesses value tier and role (动态管理). Only a national KA manager may make an account BLACK, or change a
     * BLACK account, because a black-face account is kept at little or no profit on senior approval.
     */
    public Changed<AccountClassified> classify(ValueTier newTier, AccountRole newRole, String reason, Actor actor,
                                               Instant now) {
        if ((newRole == AccountRole.BLACK || role == AccountRole.BLACK) && !actor.has(Actor.NATIONAL_KA_MANAGER)) {
            throw new ApiProblem.Forbidden("national-ka-manager-required",
                    "only a national KA manager may classify an account as BLACK or change a BLACK account's classification");
        }
        if (newTier == tier && newRole == role) {
            throw new ApiProblem.Rejected("classification-unchanged",
                    "the account is already classified " + tier + "/" + role);
        }
        Account classified = new Account(id, name, banner, format, ownership, hqStreet, hqCity, hqProvince,
                hqPostalCode, scope, homeRegion, owner, status, newTier, newRole, stage, createdAt, now, version);
        return new Changed<>(classified, new AccountClassified(id, newTier, newRole, tier, role, reason.strip(),
                actor.name(), now));
    }

    /**
     * Moves the account in the development model with its evidence. The next stage forward needs no reason;
     * skipping stages or going back does.
     */
    public Changed<AccountStageChanged> changeStage(DevelopmentStage to, String evidence, String reason, Actor actor,
                                                    Instant now) {
        if (to == stage) {
            throw new ApiProblem.Rejected("stage-unchanged", "the account is already at stage " + stage);
        }
        boolean needsReason = !to.isNextAfter(stage);
        if (needsReason && (reason == null || reason.isBlank())) {
            String move = to.ordinal() < stage.ordinal() ? "going back" : "skipping a stage";
            throw new ApiProblem.Rejected("stage-change-needs-reason",
                    "moving from " + stage + " to " + to + " is " + move + " and needs a reason");
        }
        Account moved = new Account(id, name, banner, format, ownership, hqStreet, hqCity, hqProvince, hqPostalCode,
                scope, homeRegion, owner, status, tier, role, to, createdAt, now, version);
        return new Changed<>(moved, new AccountStageChanged(id, stage, to, evidence.strip(),
                reason == null || reason.isBlank() ? null : reason.strip(), actor.name(), now));
    }

    private static Header normalised(Header header) {
        return new Header(header.name().strip(), header.banner().strip(), header.format(), header.ownership(),
                header.headquarters(), header.scope(), header.homeRegion(), header.owner().strip(), header.status());
    }

    private static void requireConsistentScope(Header header) {
        List<FieldError> errors = new ArrayList<>();
        if (header.scope() == AccountScope.REGIONAL && header.homeRegion() == null) {
            errors.add(new FieldError("homeRegion", "is required for a regional account"));
        }
        if (header.scope() == AccountScope.NATIONAL && header.homeRegion() != null) {
            errors.add(new FieldError("homeRegion", "must be empty for a national account"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem.Invalid(errors);
        }
    }
}
