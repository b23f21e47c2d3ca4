package io.kam.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.DropReason;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;
import io.kam.prospects.api.ProspectEvents.ProspectDropped;
import io.kam.prospects.api.ProspectEvents.ProspectIdentified;
import io.kam.prospects.api.ProspectEvents.ProspectRevised;
import io.kam.prospects.api.ProspectEvents.ProspectStageChanged;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;

/** One prospect's events as the prospects service would publish them, keyed by the account it becomes. */
public final class ProspectFixture {

    private final UUID accountId = UUID.randomUUID();
    private final UUID prospectId = UUID.randomUUID();
    private final ProspectDetails details;

    private ProspectFixture(ProspectDetails details) {
        this.details = details;
    }

    public static ProspectFixture aProspect(String company, Region region, ProspectSource source) {
        return new ProspectFixture(details(company, region, source, null));
    }

    /** A prospect an existing customer referred (连锁介绍). */
    public static ProspectFixture referredBy(UUID referringAccount, String company, Region region) {
        return new ProspectFixture(details(company, region, ProspectSource.REFERRAL, referringAccount));
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID prospectId() {
        return prospectId;
    }

    public String company() {
        return details.companyName();
    }

    public ProspectIdentified identified(Instant at) {
        return new ProspectIdentified(accountId, prospectId, details, "eric", at);
    }

    /** The same prospect, found to be in another region. */
    public ProspectRevised movedTo(Region region, Instant at) {
        return new ProspectRevised(accountId, prospectId, details(details.companyName(), region, details.source(),
                details.referringAccountId()), "eric", at);
    }

    /** The same prospect, found to have been referred by another account. */
    public ProspectRevised referralChangedTo(UUID referrer, Instant at) {
        return new ProspectRevised(accountId, prospectId, details(details.companyName(), details.region(),
                ProspectSource.REFERRAL, referrer), "eric", at);
    }

    public ProspectStageChanged moved(ProspectStage from, ProspectStage to, Instant at) {
        return new ProspectStageChanged(accountId, prospectId, from, to, "eric", at);
    }

    public ProspectDropped dropped(ProspectStage from, Instant at) {
        return new ProspectDropped(accountId, prospectId, from, DropReason.LOYAL_TO_COMPETITOR, "Signed with Bright Dairy",
                "eric", at);
    }

    /** Converted by Nora at 78.0 of the 70 needed, proposed B / RED. */
    public ProspectConverted converted(ProspectStage from, Instant at) {
        return new ProspectConverted(accountId, prospectId, from, details, new BigDecimal("78.0"), new BigDecimal("70"),
                false, null, ValueTier.B, AccountRole.RED, "nora", at);
    }

    /** Converted by Nora below the qualifying score. */
    public ProspectConverted convertedOverriding(ProspectStage from, Instant at, String reason) {
        return new ProspectConverted(accountId, prospectId, from, details, new BigDecimal("61.5"), new BigDecimal("70"),
                true, reason, ValueTier.C, AccountRole.WHITE, "nora", at);
    }

    /** The account the accounts service opens from the conversion. */
    public AccountOpened accountOpened() {
        return new AccountOpened(accountId, details.companyName(), details.companyName(), details.channel(), null,
                details.address(), AccountScope.REGIONAL, details.region(), "eric", AccountStatus.ACTIVE,
                DevelopmentStage.TARGET_EVALUATION);
    }

    private static ProspectDetails details(String company, Region region, ProspectSource source, UUID referrer) {
        return new ProspectDetails(company, RetailFormat.SUPERMARKET,
                new Address("18 Zhongshan East Road", "Ningbo", "Zhejiang", "315000"), region, null, source, referrer,
                "Bright Dairy", CompetitorLoyalty.LOW, "eric", null);
    }
}
