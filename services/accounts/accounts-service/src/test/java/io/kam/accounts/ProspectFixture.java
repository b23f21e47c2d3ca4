package io.kam.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.ProspectEvents.CorporateProfile;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectEvents.ProspectNextActionSet;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;

/** Prospect events as the prospects service publishes them. */
public final class ProspectFixture {

    public static final Instant CONVERTED_AT = Instant.parse("2026-11-20T03:20:00Z");

    private ProspectFixture() {
    }

    /** A supermarket chain of the East found through a referral, owned by Eric. */
    public static ProspectDetails aSupermarketChain(String companyName, String city) {
        return new ProspectDetails(companyName, RetailFormat.SUPERMARKET,
                new Address("18 Zhongshan East Road", city, "Zhejiang", "315000"), Region.EAST, "91330200MA2H3K4L5N",
                ProspectSource.REFERRAL, UUID.randomUUID(), "Bright Dairy", CompetitorLoyalty.LOW, "eric",
                new CorporateProfile("42 supermarkets in Zhejiang", null, new BigDecimal("8500000"), null, null, null,
                        null, null));
    }

    /** Converted by Nora at a qualifying score of 78 out of the 70 needed, proposed B / RED. */
    public static ProspectConverted converted(UUID accountId, ProspectDetails details) {
        return new ProspectConverted(accountId, UUID.randomUUID(), ProspectStage.DEVELOPING, details,
                new BigDecimal("78.0"), new BigDecimal("70"), false, null, ValueTier.B, AccountRole.RED, "nora",
                CONVERTED_AT);
    }

    /** Converted by Nora below the qualifying score, for a reason. */
    public static ProspectConverted convertedOverriding(UUID accountId, ProspectDetails details, String reason) {
        return new ProspectConverted(accountId, UUID.randomUUID(), ProspectStage.DEVELOPING, details,
                new BigDecimal("61.5"), new BigDecimal("70"), true, reason, ValueTier.C, AccountRole.WHITE, "nora",
                CONVERTED_AT);
    }

    public static ProspectNextActionSet aNextAction(UUID accountId) {
        return new ProspectNextActionSet(accountId, UUID.randomUUID(), "Call the buyer", LocalDate.of(2026, 12, 3),
                "eric", CONVERTED_AT);
    }
}
