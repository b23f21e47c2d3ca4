package io.kam.projection.review;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.ContactChanged;
import io.kam.accounts.api.AccountEvents.ContactRemoved;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.PlanEvents.ActionItemAdded;
import io.kam.accounts.api.PlanEvents.ActionItemChanged;
import io.kam.accounts.api.PlanEvents.ActionItemRemoved;
import io.kam.accounts.api.PlanEvents.ActionProgressed;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.PlanDrafted;
import io.kam.accounts.api.PlanEvents.PlanReturned;
import io.kam.accounts.api.PlanEvents.PlanSubmitted;
import io.kam.accounts.api.PlanEvents.PlanTargetsChanged;
import io.kam.accounts.api.PlanStatus;
import io.kam.accounts.api.RelationshipEvents.HeatAssessed;
import io.kam.accounts.api.RelationshipEvents.ImportantDateAdded;
import io.kam.accounts.api.RelationshipEvents.ImportantDateChanged;
import io.kam.accounts.api.RelationshipEvents.ImportantDateRemoved;
import io.kam.accounts.api.RelationshipEvents.SwotPointAdded;
import io.kam.accounts.api.RelationshipEvents.SwotPointChanged;
import io.kam.accounts.api.RelationshipEvents.SwotPointRemoved;
import io.kam.accounts.api.RelationshipEvents.WallChanged;
import io.kam.projection.review.PlanProjection.Version;
import io.kam.platform.events.EventEnvelope;

/**
 * Applies one account event to the review tables, inside the transaction that records it as processed. Every
 * write is an upsert keyed by the thing it describes (account, store, contact, event, plan version, item,
 * assessment, wall cell, SWOT point), so applying an event twice leaves the same rows; counts, trends and findings
 * are derived from the rows when read, never incremented. Events may arrive for an account whose opening was not
 * seen: the account is then known by its id until its header arrives. Important dates have no section of their own:
 * they are recorded as applied and nothing more.
 */
@Component
class ReviewProjector {

    private final AccountRows accounts;
    private final AppliedEvents applied;
    private final StoreRows stores;
    private final ContactRows contacts;
    private final TimelineRows timeline;
    private final PlanProjection plans;
    private final RelationshipProjection relationship;
    private final StoreWrites storeWrites;

    ReviewProjector(AccountRows accounts, AppliedEvents applied, StoreRows stores, ContactRows contacts,
                    TimelineRows timeline, PlanProjection plans, RelationshipProjection relationship,
                    StoreWrites storeWrites) {
        this.storeWrites = storeWrites;
        this.accounts = accounts;
        this.applied = applied;
        this.stores = stores;
        this.contacts = contacts;
        this.timeline = timeline;
        this.plans = plans;
        this.relationship = relationship;
    }

    /**
     * Applies one event of a poll: store openings and closings are held back and written together
     * ({@link StoreWrites}); any other event first writes what is held, then applies as {@link #apply} does.
     */
    void applyInPoll(EventEnvelope envelope, AccountEvent event) {
        switch (event) {
            case StoreOpened e -> storeWrites.hold(envelope.id(), envelope.type(), envelope.time(), e.storeId(),
                    e.accountId(), e.code(), e.region().name(), true, null);
            case StoreClosed e -> storeWrites.hold(envelope.id(), envelope.type(), envelope.time(), e.storeId(),
                    e.accountId(), e.code(), e.region().name(), false, e.closedOn());
            default -> {
                storeWrites.write();
                apply(envelope, event);
            }
        }
    }

    void apply(EventEnvelope envelope, AccountEvent event) {
        if (applied.record(envelope.id(), event.accountId(), envelope.type(), envelope.time()) == 0) {
            return;
        }
        accounts.know(event.accountId());
        switch (event) {
            case AccountOpened e -> accounts.update(account(e).opened(e));
            case AccountUpdated e -> accounts.update(account(e).updated(e));
            case StoreOpened e -> stores.put(e.storeId(), e.accountId(), e.code(), e.region().name(), true, null);
            case StoreClosed e -> stores.put(e.storeId(), e.accountId(), e.code(), e.region().name(), false, e.closedOn());
            case ContactAdded e -> contacts.put(e.contactId(), e.accountId(), e.department().name(), name(e.level()));
            case ContactChanged e -> contacts.put(e.contactId(), e.accountId(), e.department().name(), name(e.level()));
            case ContactRemoved e -> contacts.deleteById(e.contactId());
            case AccountClassified e -> {
                accounts.update(account(e).classified(e.tier(), e.role()));
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case AccountStageChanged e -> {
                accounts.update(account(e).staged(e.to()));
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case PlanDrafted e -> plans.drafted(version(e.accountId(), e.year(), e.version()), e);
            case PlanTargetsChanged e -> plans.termsChanged(version(e.accountId(), e.year(), e.version()), e.planId(),
                    e.targets(), e.phasing(), e.dependsOn());
            case PlanSubmitted e -> {
                plans.moved(version(e.accountId(), e.year(), e.version()), e.planId(), PlanStatus.SUBMITTED);
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case PlanReturned e -> {
                plans.moved(version(e.accountId(), e.year(), e.version()), e.planId(), PlanStatus.RETURNED);
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case PlanApproved e -> {
                plans.approved(version(e.accountId(), e.year(), e.version()), e);
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case ActionItemAdded e -> plans.itemPut(version(e.accountId(), e.year(), e.version()), e.planId(), e.item());
            case ActionItemChanged e -> plans.itemPut(version(e.accountId(), e.year(), e.version()), e.planId(), e.item());
            case ActionItemRemoved e -> plans.itemRemoved(version(e.accountId(), e.year(), e.version()), e.planId(),
                    e.itemId());
            case ActionProgressed e -> plans.progressed(e);
            case SwotPointAdded e -> relationship.swotPointPut(e.accountId(), e.pointId(), e.kind());
            case SwotPointChanged e -> relationship.swotPointPut(e.accountId(), e.pointId(), e.kind());
            case SwotPointRemoved e -> relationship.swotPointRemoved(e.accountId(), e.pointId());
            case HeatAssessed e -> relationship.heatAssessed(e);
            case WallChanged e -> relationship.wallChanged(e);
            case ImportantDateAdded e -> {
                // recorded as applied: the review has no section for important dates
            }
            case ImportantDateChanged e -> {
                // recorded as applied
            }
            case ImportantDateRemoved e -> {
                // recorded as applied
            }
        }
    }

    private static Version version(UUID accountId, int year, int version) {
        return new Version(accountId, year, version);
    }

    private AccountRow account(AccountEvent event) {
        return accounts.findById(event.accountId()).orElseThrow();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void record(UUID eventId, TimelineRow change) {
        if (!timeline.existsById(eventId)) {
            timeline.save(change);
        }
    }
}
