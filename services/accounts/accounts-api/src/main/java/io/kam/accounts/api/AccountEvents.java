package io.kam.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the accounts service, published on {@code kam.accounts.v1} keyed by account id. Wire names are
 * in {@link EventType}; the Java names may change freely.
 */
public final class AccountEvents {

    public static final String SERVICE = "accounts";

    private AccountEvents() {
    }

    /** Every account event; sealed so that consumers can switch over them exhaustively. */
    public sealed interface AccountEvent extends DomainEvent
            permits AccountOpened, AccountUpdated, StoreOpened, StoreClosed, ContactAdded, ContactChanged,
            ContactRemoved, AccountClassified, AccountStageChanged,
            PlanEvents.PlanDrafted, PlanEvents.PlanTargetsChanged, PlanEvents.PlanSubmitted, PlanEvents.PlanApproved,
            PlanEvents.PlanReturned, PlanEvents.ActionItemAdded, PlanEvents.ActionItemChanged,
            PlanEvents.ActionItemRemoved, PlanEvents.ActionProgressed,
            RelationshipEvents.SwotPointAdded, RelationshipEvents.SwotPointChanged, RelationshipEvents.SwotPointRemoved,
            RelationshipEvents.HeatAssessed, RelationshipEvents.WallChanged, RelationshipEvents.ImportantDateAdded,
            RelationshipEvents.ImportantDateChanged, RelationshipEvents.ImportantDateRemoved {
    }

    /** A retailer became an account. */
    @EventType("kam.account.opened")
    public record AccountOpened(UUID accountId, String name, String banner, RetailFormat format, String ownership,
                                Address headquarters, AccountScope scope, Region homeRegion, String owner,
                                AccountStatus status, DevelopmentStage stage) implements AccountEvent {
    }

    /** The account's master data changed; carries the whole new header. */
    @EventType("kam.account.updated")
    public record AccountUpdated(UUID accountId, String name, String banner, RetailFormat format, String ownership,
                                 Address headquarters, AccountScope scope, Region homeRegion, String owner,
                                 AccountStatus status, long version) implements AccountEvent {
    }

    @EventType("kam.store.opened")
    public record StoreOpened(UUID accountId, UUID storeId, String code, String name, String city, Region region,
                              RetailFormat format, LocalDate openingDate) implements AccountEvent {
    }

    @EventType("kam.store.closed")
    public record StoreClosed(UUID accountId, UUID storeId, String code, Region region, LocalDate closedOn,
                              String reason) implements AccountEvent {
    }

    @EventType("kam.contact.added")
    public record ContactAdded(UUID accountId, UUID contactId, String name, Department department, String role,
                               ContactLevel level, String phone, String email) implements AccountEvent {
    }

    @EventType("kam.contact.changed")
    public record ContactChanged(UUID accountId, UUID contactId, String name, Department department, String role,
                                 ContactLevel level, String phone, String email) implements AccountEvent {
    }

    @EventType("kam.contact.removed")
    public record ContactRemoved(UUID accountId, UUID contactId, Department department) implements AccountEvent {
    }

    /** Value tier and role were (re-)assessed; who, when and why travel with it. */
    @EventType("kam.account.classified")
    public record AccountClassified(UUID accountId, ValueTier tier, AccountRole role, ValueTier previousTier,
                                    AccountRole previousRole, String reason, String classifiedBy,
                                    Instant classifiedAt) implements AccountEvent {
    }

    /** The account moved in the development model, with its evidence; skips and steps back carry a reason. */
    @EventType("kam.account.stage-changed")
    public record AccountStageChanged(UUID accountId, DevelopmentStage from, DevelopmentStage to, String evidence,
                                      String reason, String changedBy, Instant changedAt) implements AccountEvent {
    }

    /** The contract: the topic, its shape, and every {@link AccountEvent}, found through the sealed interface. */
    public static final EventCatalog<AccountEvent> CATALOG = EventCatalog.of(SERVICE, AccountEvent.class);

    public static final String TOPIC = "kam.accounts.v1";

}
