package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static io.kam.accounts.PlanFixture.aPlanFor;
import static io.kam.accounts.PlanFixture.anItem;
import static io.kam.accounts.PlanFixture.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may do what with a plan. The account is a national chain with stores in the East only: Eric coordinates the
 * East and works its action items; Sofia coordinates the South and does not see the account at all; integrations
 * have no business with plans.
 */
class PlanAccessTest extends ServiceTest {

    private Api eric;
    private Api sofia;
    private Api integration;
    private UUID account;
    private String v1;

    @BeforeEach
    void aPlanOfAChainPresentInTheEast() {
        eric = anonymous.as(TestTokens.eric());
        sofia = anonymous.as(TestTokens.sofia());
        integration = anonymous.as(TestTokens.integrationForAllAccounts());
        account = open(aNationalHypermarketChain());
        api.post("/api/accounts/" + account + "/stores", aStore("E-1", Region.EAST));
        api.post(plans(), aPlanFor(2027));
        v1 = plans() + "/2027/versions/1";
    }

    @Test
    void aCoordinatorReadsThePlanButCannotWriteTargetsOrDecide() {
        String etag = api.get(v1).etag();

        assertThat(eric.get(v1).status()).isEqualTo(200);
        assertThat(eric.get(plans()).status()).isEqualTo(200);
        assertThat(eric.put(v1 + "/targets", targets(20_000_000), etag).status()).isEqualTo(403);
        assertThat(eric.post(plans(), aPlanFor(2028)).status()).isEqualTo(403);
        assertThat(eric.post(v1 + "/submit", null, etag).status()).isEqualTo(403);
        assertThat(eric.post(plans() + "/2027/versions", null).status()).isEqualTo(403);
        assertThat(api.get(v1).body().path("phasingTotal").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(api.get(plans()).body().size()).isEqualTo(1);
    }

    @Test
    void aCoordinatorAddsAndChangesItemsOfTheirOwnRegionOnly() {
        var east = eric.post(v1 + "/actions", anItem("EAST"));
        var south = eric.post(v1 + "/actions", anItem("SOUTH"));
        var national = eric.post(v1 + "/actions", anItem(null));
        String nationalItem = api.get(v1).body().at("/actionItems/0/itemId").asString();
        var changeNational = eric.put(v1 + "/actions/" + nationalItem, anItem("EAST"), "\"0\"");
        var moveToSouth = eric.put(east.headers().getLocation().getPath(), anItem("SOUTH"), east.etag());
        var change = eric.put(east.headers().getLocation().getPath(),
                Map.of("what", "Train all East promoters by March", "owner", "eric", "due", "2027-03-31",
                        "region", "EAST", "servesKpi", "SELL_THROUGH_VALUE"), east.etag());
        var remove = eric.delete(east.headers().getLocation().getPath(), change.etag());

        assertThat(east.status()).isEqualTo(201);
        assertThat(south.status()).isEqualTo(403);
        assertThat(south.text("code")).isEqualTo("outside-your-region");
        assertThat(national.status()).isEqualTo(403);
        assertThat(changeNational.status()).isEqualTo(403);
        assertThat(moveToSouth.status()).isEqualTo(403);
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.text("what")).isEqualTo("Train all East promoters by March");
        assertThat(remove.status()).as("removing items is for managers").isEqualTo(403);
        assertThat(api.get(v1).body().path("actionItems").size()).isEqualTo(2);
    }

    @Test
    void aCoordinatorRecordsProgressOfTheirRegionsItemsOnly() {
        String eastItem = eric.post(v1 + "/actions", anItem("EAST")).text("itemId");
        String nationalItem = api.get(v1).body().at("/actionItems/0/itemId").asString();

        var own = eric.post(plans() + "/2027/actions/" + eastItem + "/progress", Map.of("status", "DONE"));
        var national = eric.post(plans() + "/2027/actions/" + nationalItem + "/progress", Map.of("status", "DONE"));

        assertThat(own.status()).isEqualTo(200);
        assertThat(national.status()).isEqualTo(403);
        assertThat(api.get(v1).body().at("/actionItems/0/status").asString()).isEqualTo("PLANNED");
    }

    @Test
    void aCoordinatorSeesNationalItemsAndTheirRegionsButNotAnotherRegions() {
        api.post(v1 + "/actions", anItem("SOUTH"));
        eric.post(v1 + "/actions", anItem("EAST"));

        var seenByEric = eric.get(v1).body().path("actionItems").valueStream()
                .map(item -> String.valueOf(item.path("region").asString(null))).toList();
        var seenByNora = api.get(v1).body().path("actionItems").size();

        assertThat(seenByEric).containsExactly("null", "EAST");
        assertThat(seenByNora).isEqualTo(3);
    }

    @Test
    void aCoordinatorOfAnotherRegionDoesNotSeeThePlan() {
        assertThat(sofia.get(plans()).status()).isEqualTo(404);
        assertThat(sofia.get(v1).status()).isEqualTo(404);
        assertThat(sofia.post(v1 + "/actions", anItem("SOUTH")).status()).isEqualTo(404);
        assertThat(api.get(v1).body().path("actionItems").size()).isEqualTo(1);
    }

    @Test
    void integrationsHaveNoAccessToPlans() {
        assertThat(integration.get(plans()).status()).isEqualTo(403);
        assertThat(integration.get(v1).status()).isEqualTo(403);
        assertThat(anonymous.get(v1).status()).isEqualTo(401);
    }

    private String plans() {
        return "/api/accounts/" + account + "/plans";
    }
}
