package io.kam.accounts.prospect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.account.Account;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.platform.events.Actor;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;

/**
 * What a converted prospect makes of its account: a regional account of the prospect's territory at the first
 * development stage, named after the company (or, when another account has that name, the company and its city),
 * classified as proposed at conversion. Refuses, with the reason, a conversion that lacks what an account needs.
 *
 * @param names          the names to try, in order
 * @param classification null when the conversion proposed no tier or role
 */
record Conversion(UUID accountId, UUID prospectId, List<String> names, Account.Header header,
                  AccountRequests.@Nullable Classify classification, Actor actor) {

    /**
     * Opening an account is a national KA manager's act (POST /api/accounts); here the prospects service, which
     * decides who may convert, has decided it. The converter is the actor of the account's events and of its
     * classification, with the authority of the conversion.
     */
    private static final Set<String> CONVERSION_AUTHORITY = Set.of(Actor.NATIONAL_KA_MANAGER);

    static Conversion of(ProspectConverted event) {
        ProspectDetails details = event.details();
        List<String> missing = new ArrayList<>();
        if (details == null) {
            throw new ConversionRefused(event.accountId(), event.prospectId(), "the event has no prospect details");
        }
        String company = blankToNull(details.companyName());
        Address address = details.address();
        if (company == null) {
            missing.add("companyName");
        }
        if (details.channel() == null) {
            missing.add("channel");
        }
        if (address == null || blankToNull(address.street()) == null || blankToNull(address.city()) == null) {
            missing.add("address (street and city)");
        }
        if (details.region() == null) {
            missing.add("region");
        }
        if (blankToNull(event.convertedBy()) == null) {
            missing.add("convertedBy");
        }
        if (!missing.isEmpty()) {
            throw new ConversionRefused(event.accountId(), event.prospectId(),
                    "an account needs " + String.join(", ", missing));
        }
        String owner = blankToNull(details.owner()) == null ? event.convertedBy() : details.owner();
        Account.Header header = new Account.Header(company, company, details.channel(), null, address,
                AccountScope.REGIONAL, details.region(), owner, AccountStatus.ACTIVE);
        List<String> names = List.of(company.strip(), company.strip() + " (" + address.city().strip() + ")");
        AccountRequests.Classify classification = event.proposedTier() == null || event.proposedRole() == null ? null
                : new AccountRequests.Classify(event.proposedTier(), event.proposedRole(), reason(event));
        return new Conversion(event.accountId(), event.prospectId(), names, header, classification,
                new Actor(event.convertedBy().strip(), CONVERSION_AUTHORITY));
    }

    /** The header under one of {@link #names}. */
    Account.Header named(String name) {
        return new Account.Header(name, header.banner(), header.format(), header.ownership(), header.headquarters(),
                header.scope(), header.homeRegion(), header.owner(), header.status());
    }

    /** Why the account has its first classification: the screening score, and the override if there was one. */
    static String reason(ProspectConverted event) {
        String reason = "proposed at conversion from prospect screening (" + score(event.score(), event.qualifyingScore()) + ")";
        if (event.overridden()) {
            String why = blankToNull(event.overrideReason());
            reason += " (override: " + (why == null ? "no reason given" : why.strip()) + ")";
        }
        return reason;
    }

    private static String score(@Nullable BigDecimal score, @Nullable BigDecimal qualifying) {
        if (score == null) {
            return "not scored";
        }
        return "score " + score.toPlainString() + (qualifying == null ? "" : " of " + qualifying.toPlainString());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
