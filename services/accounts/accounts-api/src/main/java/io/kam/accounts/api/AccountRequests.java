package io.kam.accounts.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the accounts API. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * Opens an account. A regional account names its home region; a national one must not. An existing customer
     * may open at a later development stage, with the evidence for it.
     */
    public record OpenAccount(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String banner,
            @NotNull RetailFormat format,
            @Size(max = 200) String ownership,
            @NotNull @Valid Address headquarters,
            @NotNull AccountScope scope,
            Region homeRegion,
            @NotBlank @Size(max = 100) String owner,
            DevelopmentStage stage,
            @Size(max = 2000) String stageEvidence) {
    }

    /** Replaces the account's master data (PUT). */
    public record ReviseAccount(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String banner,
            @NotNull RetailFormat format,
            @Size(max = 200) String ownership,
            @NotNull @Valid Address headquarters,
            @NotNull AccountScope scope,
            Region homeRegion,
            @NotBlank @Size(max = 100) String owner,
            @NotNull AccountStatus status) {
    }

    /** Changes some of the account's master data (PATCH); absent fields stay as they are. */
    public record AmendAccount(
            @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String banner,
            RetailFormat format,
            @Size(max = 200) String ownership,
            @Valid Address headquarters,
            AccountScope scope,
            Region homeRegion,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String owner,
            AccountStatus status) {
    }

    public record OpenStore(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold only letters, digits, '.', '_' and '-'") String code,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 100) String city,
            @NotNull Region region,
            @NotNull RetailFormat format,
            LocalDate openingDate) {
    }

    /** Opens many stores at once: all of them, or none. */
    public record OpenStores(@NotEmpty @Size(max = 1000) List<@NotNull @Valid OpenStore> stores) {
    }

    /** Closes a store; {@code closedOn} defaults to today in the market's time zone and may not lie ahead of it. */
    public record CloseStore(LocalDate closedOn, @NotBlank @Size(max = 500) String reason) {
    }

    public record ContactDetails(
            @NotBlank @Size(max = 120) String name,
            @NotNull Department department,
            @NotBlank @Size(max = 120) String role,
            @NotNull ContactLevel level,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {
    }

    public record Classify(@NotNull ValueTier tier, @NotNull AccountRole role, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Moves the account in the development model. Skipping a stage or going back needs a reason. */
    public record ChangeStage(@NotNull DevelopmentStage stage, @NotBlank @Size(max = 2000) String evidence,
                              @Size(max = 1000) String reason) {
    }
}
