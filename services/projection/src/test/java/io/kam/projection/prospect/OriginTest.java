package io.kam.projection.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.AccountFixture;
import io.kam.projection.ProspectFixture;
import io.kam.projection.ReviewsTest;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import tools.jackson.databind.JsonNode;

/** The review of an account converted from a prospect tells where it came from, and who referred whom before it. */
class OriginTest extends ReviewsTest {

    private static final Instant T0 = Instant.parse("2025-04-01T02:00:00Z");

    @LocalServerPort
    int port;

    @Test
    void anAccountReferredByAConvertedProspectShowsTheReferralChainBackToTheFirstCustomer() {
        UUID root = UUID.randomUUID();
        topic.publish(AccountFixture.aNationalHypermarketChain(root, "Root Hyper " + root));
        ProspectFixture first = ProspectFixture.referredBy(root, "First Referral " + root, Region.EAST);
        convert(first, T0);
        ProspectFixture second = ProspectFixture.referredBy(first.accountId(), "Second Referral " + root, Region.EAST);
        convert(second, T0.plusSeconds(86_400 * 10));
        api.awaitCaughtUp();

        JsonNode origin = api.review(second.accountId(), "").get("origin");

        assertThat(origin.get("prospectId").asString()).isEqualTo(second.prospectId().toString());
        assertThat(origin.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(origin.get("identifiedAt").asString()).isEqualTo(T0.plusSeconds(86_400 * 10).toString());
        assertThat(origin.get("convertedAt").asString()).isEqualTo(T0.plusSeconds(86_400 * 13).toString());
        assertThat(origin.get("convertedBy").asString()).isEqualTo("nora");
        assertThat(origin.get("score").decimalValue()).isEqualByComparingTo("78.0");
        assertThat(origin.get("overridden").asBoolean()).isFalse();
        assertThat(origin.get("referringAccountId").asString()).isEqualTo(first.accountId().toString());
        assertThat(origin.get("referralChain")).hasSize(2);
        assertThat(origin.at("/referralChain/0/accountId").asString()).isEqualTo(first.accountId().toString());
        assertThat(origin.at("/referralChain/0/name").asString()).isEqualTo(first.company());
        assertThat(origin.at("/referralChain/1/accountId").asString()).isEqualTo(root.toString());
        assertThat(origin.at("/referralChain/1/name").asString()).isEqualTo("Root Hyper " + root);

        assertThat(api.review(first.accountId(), "").at("/origin/referralChain")).hasSize(1);
        assertThat(api.review(root, "").get("origin").isNull()).as("not converted from a prospect").isTrue();
    }

    @Test
    void anUnknownReferrerHasNoNameAndAReferralCycleStopsBeforeAnAccountAlreadyInTheChain() {
        UUID unknown = UUID.randomUUID();
        ProspectFixture a = ProspectFixture.referredBy(unknown, "Cycle A " + unknown, Region.SOUTH);
        convert(a, T0);
        ProspectFixture b = ProspectFixture.referredBy(a.accountId(), "Cycle B " + unknown, Region.SOUTH);
        convert(b, T0.plusSeconds(86_400));
        api.awaitCaughtUp();

        JsonNode chain = api.review(b.accountId(), "").at("/origin/referralChain");
        assertThat(links(chain)).containsExactly(a.accountId().toString(), unknown.toString());
        assertThat(chain.get(0).get("name").asString()).isEqualTo(a.company());
        assertThat(chain.get(1).get("name").isNull()).as("never opened here").isTrue();

        // a found to have been referred by b after all: a -> b -> a would go round for ever
        prospects.publish(a.referralChangedTo(b.accountId(), T0.plusSeconds(30 * 86_400)));
        ProspectFixture c = ProspectFixture.referredBy(b.accountId(), "Cycle C " + unknown, Region.SOUTH);
        convert(c, T0.plusSeconds(2 * 86_400));
        api.awaitCaughtUp();

        assertThat(links(api.review(c.accountId(), "").at("/origin/referralChain")))
                .containsExactly(b.accountId().toString(), a.accountId().toString());
        assertThat(links(api.review(b.accountId(), "").at("/origin/referralChain")))
                .containsExactly(a.accountId().toString());
        assertThat(links(api.review(a.accountId(), "").at("/origin/referralChain")))
                .containsExactly(b.accountId().toString());
    }

    @Test
    void aChainLongerThanTenLinksShowsTheNearestTen() {
        UUID referrer = UUID.randomUUID();
        ProspectFixture last = null;
        for (int i = 0; i < 12; i++) {
            last = ProspectFixture.referredBy(referrer, "Long chain " + i + " " + referrer, Region.WEST);
            convert(last, T0.plusSeconds(i * 86_400L));
            referrer = last.accountId();
        }
        ProspectFixture newest = ProspectFixture.referredBy(referrer, "Long chain end " + referrer, Region.WEST);
        convert(newest, T0.plusSeconds(20 * 86_400L));
        api.awaitCaughtUp();

        JsonNode chain = api.review(newest.accountId(), "").at("/origin/referralChain");
        assertThat(chain).hasSize(10);
        assertThat(chain.get(0).get("accountId").asString()).isEqualTo(last.accountId().toString());
    }

    private static java.util.List<String> links(JsonNode chain) {
        return chain.valueStream().map(link -> link.get("accountId").asString()).toList();
    }

    @Test
    void anOverriddenConversionSaysSoAndOnlyTheRetailersOwnClientIsNotShownTheOrigin() {
        ProspectFixture p = ProspectFixture.aProspect("Override Mart " + UUID.randomUUID(), Region.EAST,
                ProspectSource.COMPETITOR_CONQUEST);
        prospects.publish(p.identified(T0));
        prospects.publish(p.convertedOverriding(ProspectStage.IDENTIFIED, T0.plusSeconds(3600), "Strategic foothold"));
        topic.publish(p.accountOpened());
        api.awaitCaughtUp();

        JsonNode origin = api.review(p.accountId(), "").get("origin");
        assertThat(origin.get("overridden").asBoolean()).isTrue();
        assertThat(origin.get("score").decimalValue()).isEqualByComparingTo("61.5");
        assertThat(origin.get("referringAccountId").isNull()).isTrue();
        assertThat(origin.get("referralChain")).isEmpty();

        Api anonymous = new Api(port);
        assertThat(anonymous.as(TestTokens.eric()).get("/api/reviews/" + p.accountId()).body().path("origin")
                .path("prospectId").asString()).as("the coordinator of its region").isEqualTo(p.prospectId().toString());
        assertThat(anonymous.as(TestTokens.integrationFor(p.accountId())).get("/api/reviews/" + p.accountId()).body()
                .path("origin").isNull()).as("the screening score is our view of the retailer").isTrue();
    }

    /** Identified at {@code at}, converted three days later, and opened by the accounts service. */
    private void convert(ProspectFixture prospect, Instant at) {
        prospects.publish(prospect.identified(at));
        prospects.publish(prospect.moved(ProspectStage.IDENTIFIED, ProspectStage.DEVELOPING, at.plusSeconds(86_400)));
        prospects.publish(prospect.converted(ProspectStage.DEVELOPING, at.plusSeconds(3 * 86_400)));
        topic.publish(prospect.accountOpened());
    }
}
