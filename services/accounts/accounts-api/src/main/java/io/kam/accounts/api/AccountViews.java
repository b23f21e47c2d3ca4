package io.kam.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the accounts API. */
public final class AccountViews {

    private AccountViews() {
    }

    public record AccountView(UUID id, String name, String banner, RetailFormat format, String ownership,
                              Address headquarters, AccountScope scope, Region homeRegion, String owner,
                              AccountStatus status, ValueTier tier, AccountRole role, DevelopmentStage stage,
                              long openStores, Instant createdAt, Instant updatedAt, long version) {
    }

    public record StoreView(UUID id, UUID accountId, String code, String name, String city, Region region,
                            RetailFormat format, LocalDate openingDate, StoreStatus status, LocalDate closedOn) {
    }

    public record ContactView(UUID id, UUID accountId, String name, Department department, String role,
                              ContactLevel level, String phone, String email, long version) {
    }

    public record ClassificationChange(ValueTier tier, AccountRole role, ValueTier previousTier,
                                       AccountRole previousRole, String reason, String changedBy, Instant changedAt) {
    }

    public record ClassificationView(UUID accountId, ValueTier tier, AccountRole role, long version,
                                     List<ClassificationChange> history) {
    }

    public record StageChange(DevelopmentStage from, DevelopmentStage to, String evidence, String reason,
                              String changedBy, Instant changedAt) {
    }

    public record StageView(UUID accountId, DevelopmentStage stage, long version, List<StageChange> history) {
    }

    /** One page of a listing. */
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
