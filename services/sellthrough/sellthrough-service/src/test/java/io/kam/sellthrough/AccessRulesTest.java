package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may push, read and configure: integrations and managers push, a retailer-bound integration only for its account;
 * coordinators read the batches of accounts present in their region, without the rejected rows, and push nothing.
 */
class AccessRulesTest extends ServiceTest {

    private UUID east;
    private UUID south;
    private String body;

    @BeforeEach
    void twoRetailers() {
        east = retailers.open(Region.EAST, "E1");
        south = retailers.open(Region.SOUTH, "S1");
        body = HEADER + row("E1", 1, "2026-03-14", 1, "1.00", null) + row("S1", 1, "2026-03-14", 1, "1.00", null);
    }

    @Test
    void onlyIntegrationsAndManagersPushAndABoundIntegrationOnlyForItsRetailer() {
        String code = "SOUTH" + south.toString().substring(0, 6);
        api.put("/api/sell-through/accounts/" + south + "/settings", Map.of("retailerCode", code, "currency", "CNY",
                "returnsAllowed", false), "*");
        String boundToEast = TestTokens.integrationFor(east);

        assertThat(uploads.csv(null, "batchId=anon-" + east + "&account=" + east, body).status()).isEqualTo(401);
        var coordinator = uploads.csv(TestTokens.eric(), "batchId=eric-" + east + "&account=" + east, body);
        var otherById = uploads.csv(boundToEast, "batchId=b1-" + east + "&account=" + south, body);
        var otherByCode = uploads.csv(boundToEast, "batchId=b2-" + east + "&retailer=" + code, body);
        var unknownCode = uploads.csv(boundToEast, "batchId=b3-" + east + "&retailer=NOT-THERE", body);
        var own = uploads.csv(boundToEast, "batchId=b4-" + east, body);
        var unbound = uploads.csv(TestTokens.integration(), "batchId=u-" + south + "&account=" + south, body);
        var allAccounts = uploads.csv(TestTokens.integrationForAllAccounts(), "batchId=a-" + south + "&account=" + south, body);
        var manager = uploads.csv(TestTokens.nora(), "batchId=m-" + south + "&retailer=" + code, body);

        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.get("code")).isEqualTo("role-required");
        assertThat(otherById.status()).isEqualTo(403);
        assertThat(otherById.get("code")).isEqualTo("not-your-retailer");
        assertThat(otherByCode.status()).isEqualTo(403);
        assertThat(unknownCode.status()).as("nothing about other retailers leaks to a bound client").isEqualTo(403);
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.get("accountId")).isEqualTo(east.toString());
        assertThat(own.number("accepted")).isEqualTo(1);
        assertThat(unbound.status()).as("an integration bound to no retailer pushes nothing").isEqualTo(403);
        assertThat(unbound.get("code")).isEqualTo("retailer-required");
        assertThat(api.get("/api/sell-through/batches/u-" + south).status()).as("nothing began").isEqualTo(404);
        assertThat(allAccounts.status()).isEqualTo(201);
        assertThat(manager.status()).isEqualTo(201);
        assertThat(api.get("/api/sell-through/batches/b1-" + east).status()).as("nothing began").isEqualTo(404);
    }

    @Test
    void coordinatorsReadTheBatchesOfTheirRegionsAccountsWithoutTheirRows() {
        uploads.csv(TestTokens.nora(), "batchId=cr-" + east + "&account=" + east, body);
        Api eric = new Api(port).as(TestTokens.eric());
        Api sofia = new Api(port).as(TestTokens.sofia());

        var seen = eric.get("/api/sell-through/batches/cr-" + east);
        var hidden = sofia.get("/api/sell-through/batches/cr-" + east);
        var report = eric.get("/api/sell-through/batches/cr-" + east + "/rejections");
        var listed = eric.get("/api/sell-through/batches?account=" + east);
        var notListed = sofia.get("/api/sell-through/batches?account=" + east);
        var sofiasList = sofia.get("/api/sell-through/batches?size=200");

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().path("rejected").asLong()).isEqualTo(1);
        assertThat(seen.body().path("report").isNull()).isTrue();
        assertThat(seen.body().path("firstRejections")).isEmpty();
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(report.status()).isEqualTo(403);
        assertThat(listed.body().path("total").asLong()).isEqualTo(1);
        assertThat(notListed.status()).isEqualTo(404);
        assertThat(sofiasList.body().path("items").valueStream().map(b -> b.path("accountId").asString()))
                .doesNotContain(east.toString());
    }

    @Test
    void aBoundIntegrationSeesOnlyItsAccountsBatchesAndSettings() {
        uploads.csv(TestTokens.nora(), "batchId=bi-" + south + "&account=" + south, body);
        uploads.csv(TestTokens.nora(), "batchId=bi-" + east + "&account=" + east, body);
        Api boundToEast = new Api(port).as(TestTokens.integrationFor(east));

        assertThat(boundToEast.get("/api/sell-through/batches/bi-" + south).status()).isEqualTo(404);
        assertThat(boundToEast.get("/api/sell-through/batches/bi-" + east).status()).isEqualTo(200);
        assertThat(uploads.get(TestTokens.integrationFor(east), "/api/sell-through/batches/bi-" + east + "/rejections").text())
                .contains("\"store\",\"is not a store of this account\",\"S1\"");
        assertThat(uploads.get(TestTokens.integrationFor(east), "/api/sell-through/batches/bi-" + south + "/rejections")
                .status()).isEqualTo(404);
        assertThat(boundToEast.get("/api/sell-through/batches?account=" + south).status()).isEqualTo(403);
        assertThat(boundToEast.get("/api/sell-through/batches").body().path("items").valueStream()
                .map(b -> b.path("accountId").asString()).distinct()).containsExactly(east.toString());
        assertThat(boundToEast.get("/api/sell-through/accounts/" + east + "/settings").status()).isEqualTo(200);
        assertThat(boundToEast.get("/api/sell-through/accounts/" + south + "/settings").status()).isEqualTo(404);
    }

    @Test
    void onlyManagersChangeSettingsAndCoordinatorsDoNotReadThem() {
        var settings = Map.of("currency", "CNY", "returnsAllowed", true);
        String path = "/api/sell-through/accounts/" + east + "/settings";

        assertThat(new Api(port).as(TestTokens.integration()).put(path, settings, "*").status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.eric()).put(path, settings, "*").status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.eric()).get(path).status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.integrationForAllAccounts()).get(path).body().path("returnsAllowed").asBoolean()).isFalse();
        assertThat(api.put(path, settings, null).status()).as("If-Match required").isEqualTo(428);
        assertThat(api.put(path, settings, "\"7\"").status()).isEqualTo(412);
        assertThat(api.put(path, Map.of("currency", "XYZ", "returnsAllowed", true), "*").fieldErrors())
                .containsExactly("currency: is not an ISO 4217 currency");
        assertThat(api.put(path, settings, "*").body().path("returnsAllowed").asBoolean()).isTrue();
    }
}
