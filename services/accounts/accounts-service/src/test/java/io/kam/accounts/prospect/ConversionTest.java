package io.kam.accounts.prospect;

import static io.kam.accounts.ProspectFixture.aSupermarketChain;
import static io.kam.accounts.ProspectFixture.converted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.Actor;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;
import io.kam.prospects.api.ProspectEvents.ProspectDetails;

/** Given a conversion, the account it opens, or why it cannot open one. */
class ConversionTest {

    private final UUID account = UUID.randomUUID();

    @Test
    void aRegionalAccountOfTheProspectsTerritoryNamedAfterTheCompanyThenWithItsCity() {
        Conversion conversion = Conversion.of(converted(account, aSupermarketChain("  Ningbo Harbour Fresh ", "Ningbo")));

        assertThat(conversion.accountId()).isEqualTo(account);
        assertThat(conversion.names()).containsExactly("Ningbo Harbour Fresh", "Ningbo Harbour Fresh (Ningbo)");
        assertThat(conversion.header().scope()).isEqualTo(AccountScope.REGIONAL);
        assertThat(conversion.header().homeRegion()).isEqualTo(Region.EAST);
        assertThat(conversion.header().owner()).isEqualTo("eric");
        assertThat(conversion.named("Ningbo Harbour Fresh (Ningbo)").name()).isEqualTo("Ningbo Harbour Fresh (Ningbo)");
        assertThat(conversion.classification().tier()).isEqualTo(ValueTier.B);
        assertThat(conversion.classification().role()).isEqualTo(AccountRole.RED);
        assertThat(conversion.actor().name()).isEqualTo("nora");
        assertThat(conversion.actor().has(Actor.NATIONAL_KA_MANAGER)).as("the authority of the conversion").isTrue();
    }

    @Test
    void withoutAnOwnerTheConverterOwnsTheAccount() {
        ProspectDetails d = aSupermarketChain("Owner-less Mart", "Ningbo");
        ProspectDetails noOwner = new ProspectDetails(d.companyName(), d.channel(), d.address(), d.region(), d.taxId(),
                d.source(), d.referringAccountId(), d.competitor(), d.competitorLoyalty(), " ", d.profile());

        assertThat(Conversion.of(converted(account, noOwner)).header().owner()).isEqualTo("nora");
    }

    @Test
    void withoutAProposedTierOrRoleTheAccountOpensUnclassified() {
        ProspectConverted c = converted(account, aSupermarketChain("Unproposed Mart", "Ningbo"));
        ProspectConverted noRole = new ProspectConverted(c.accountId(), c.prospectId(), c.from(), c.details(), c.score(),
                c.qualifyingScore(), false, null, ValueTier.A, null, c.convertedBy(), c.convertedAt());

        assertThat(Conversion.of(noRole).classification()).isNull();
    }

    @Test
    void anUnscoredConversionSaysSo() {
        ProspectConverted c = converted(account, aSupermarketChain("Unscored Mart", "Ningbo"));
        ProspectConverted unscored = new ProspectConverted(c.accountId(), c.prospectId(), c.from(), c.details(), null,
                null, true, " ", c.proposedTier(), c.proposedRole(), c.convertedBy(), c.convertedAt());

        assertThat(Conversion.reason(unscored))
                .isEqualTo("proposed at conversion from prospect screening (not scored) (override: no reason given)");
    }

    @Test
    void aConversionWithoutNameChannelOrConverterIsRefusedNamingWhatIsMissing() {
        ProspectDetails d = aSupermarketChain("x", "Ningbo");
        ProspectDetails bare = new ProspectDetails(" ", null, d.address(), d.region(), null, null, null, null, null,
                null, null);
        ProspectConverted c = converted(account, bare);
        ProspectConverted anonymous = new ProspectConverted(c.accountId(), c.prospectId(), c.from(), bare, c.score(),
                c.qualifyingScore(), false, null, c.proposedTier(), c.proposedRole(), null, c.convertedAt());

        assertThatThrownBy(() -> Conversion.of(anonymous)).isInstanceOf(ConversionRefused.class)
                .hasMessage("kam.prospect.converted cannot open account " + account + " for prospect " + c.prospectId()
                        + ": an account needs companyName, channel, convertedBy");
    }
}
