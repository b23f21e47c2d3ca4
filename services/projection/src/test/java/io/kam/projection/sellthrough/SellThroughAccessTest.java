package io.kam.projection.sellthrough;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.SellThroughFigures.GTIN_A;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/** Who may read an account's sell-through, and which rows a coordinator sees: every refusal. */
class SellThroughAccessTest extends ReviewsTest {

    private static final String DAY = "?grain=DAY&from=2026-05-04&to=2026-05-04";

    @LocalServerPort
    int port;

    private UUID eastAndSouth;
    private UUID southOnly;
    private Api anonymous;

    @BeforeEach
    void anAccountWithStoresInTheEastAndTheSouthAndOneOnlyInTheSouth() {
        anonymous = new Api(port);
        eastAndSouth = UUID.randomUUID();
        southOnly = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(eastAndSouth, "Access Figures " + eastAndSouth));
        topic.publish(new StoreOpened(eastAndSouth, UUID.randomUUID(), "E-1", "East store", "Hangzhou", Region.EAST,
                RetailFormat.HYPERMARKET, LocalDate.of(2020, 1, 1)));
        topic.publish(new StoreOpened(eastAndSouth, UUID.randomUUID(), "S-1", "South store", "Shenzhen", Region.SOUTH,
                RetailFormat.HYPERMARKET, LocalDate.of(2020, 1, 1)));
        topic.publish(aRegionalSupermarketChain(southOnly, "Pearl Figures " + southOnly, Region.SOUTH));
        TopicWriter<SellThroughEvent> sellThrough = SellThroughFigures.topic();
        LocalDate day = LocalDate.of(2026, 5, 4);
        sellThrough.publish(recorded(eastAndSouth, "b", 1, day, line("E-1", GTIN_A, 4, "40.00"),
                line("S-1", GTIN_A, 6, "60.00")));
        sellThrough.publish(recorded(southOnly, "b", 1, day, line("P-1", GTIN_A, 1, "10.00")));
        api.awaitCaughtUp();
    }

    @Test
    void withoutATokenNothingAnswers() {
        assertThat(anonymous.get(path(eastAndSouth, "")).status()).isEqualTo(401);
    }

    @Test
    void aManagerSeesEveryStore() {
        JsonNode rows = anonymous.as(TestTokens.nora()).get(path(eastAndSouth, DAY + "&by=STORE")).body().get("rows");
        assertThat(rows).extracting(r -> r.get("key").asString()).containsExactly("E-1", "S-1");
    }

    @Test
    void aCoordinatorSeesAccountsPresentInTheirRegionAndOnlyTheirRegionsStores() {
        Api eric = anonymous.as(TestTokens.eric());
        JsonNode stores = eric.get(path(eastAndSouth, DAY + "&by=STORE")).body().get("rows");
        assertThat(stores).extracting(r -> r.get("key").asString()).containsExactly("E-1");
        JsonNode regions = eric.get(path(eastAndSouth, DAY + "&by=REGION")).body().get("rows");
        assertThat(regions).extracting(r -> r.get("key").asString()).containsExactly("EAST");
        JsonNode total = eric.get(path(eastAndSouth, DAY)).body().get("rows");
        assertThat(total.get(0).get("units").asLong()).as("the account's total").isEqualTo(10);
        assertThat(eric.get(path(southOnly, DAY)).status()).as("existence does not leak").isEqualTo(404);

        Api sofia = anonymous.as(TestTokens.sofia());
        assertThat(sofia.get(path(eastAndSouth, DAY + "&by=STORE")).body().get("rows"))
                .extracting(r -> r.get("key").asString()).containsExactly("S-1");
        assertThat(sofia.get(path(southOnly, DAY)).status()).isEqualTo(200);
    }

    @Test
    void anIntegrationTiedToARetailerReadsThatAccountOnly() {
        Api retailer = anonymous.as(TestTokens.integrationFor(eastAndSouth));
        assertThat(retailer.get(path(eastAndSouth, DAY + "&by=STORE")).body().get("rows")).hasSize(2);
        assertThat(retailer.get(path(southOnly, DAY)).status()).isEqualTo(404);
    }

    @Test
    void anUnknownAccountIsNotFoundAndBadParametersAreRefusedWithTheField() {
        Api nora = anonymous.as(TestTokens.nora());
        assertThat(nora.get(path(UUID.randomUUID(), "")).status()).isEqualTo(404);
        Api.Response backwards = nora.get(path(eastAndSouth, "?from=2026-05-04&to=2026-05-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldErrors()).anySatisfy(error -> assertThat(error).startsWith("to:"));
        assertThat(nora.get(path(eastAndSouth, "?from=2020-01-01&to=2026-01-01")).status()).isEqualTo(400);
        assertThat(nora.get(path(eastAndSouth, "?grain=YEAR")).status()).isEqualTo(400);
    }

    @Test
    void theEndpointIsDescribedInTheOpenApiDocument() {
        JsonNode doc = anonymous.as(TestTokens.nora()).get("/v3/api-docs").body();
        JsonNode get = doc.at("/paths/~1api~1reviews~1{accountId}~1sell-through/get");
        assertThat(get.get("summary").asString()).contains("year earlier");
        assertThat(List.of("grain", "by", "from", "to")).allSatisfy(name ->
                assertThat(get.get("parameters").findValuesAsString("name")).contains(name));
    }

    private static String path(UUID account, String query) {
        return "/api/reviews/" + account + "/sell-through" + query;
    }
}
