package io.kam.projection.visit;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.VisitFixture.completed;
import static io.kam.projection.VisitFixture.onShelf;
import static io.kam.projection.VisitFixture.plannedAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;
import io.kam.projection.VisitFixture;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import tools.jackson.databind.JsonNode;

/**
 * Who sees which execution figures: national KA managers every region's, a coordinator their own region's only (the
 * account's figures included), integrations none, as the visits are our own field work.
 */
class ExecutionAccessTest extends ReviewsTest {

    private static final String MILK = "06901234567892";
    private static final String YOGHURT = "06901234567908";

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorSeesTheirRegionsFiguresOnlyAndAnIntegrationNone() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Two Region Mart " + account));
        topic.publish(aStoreOpened(account, Region.EAST));
        topic.publish(aStoreOpened(account, Region.SOUTH));
        VisitFixture f = new VisitFixture(account);
        VisitPlanned east = f.scheduled(Region.EAST, LocalDate.of(2026, 12, 1));
        VisitPlanned south = f.scheduled(Region.SOUTH, LocalDate.of(2026, 12, 2));
        visits.publish(east, plannedAt(east));
        visits.publish(completed(east, false), Instant.parse("2026-12-01T04:00:00Z"));
        visits.publish(south, plannedAt(south));
        visits.publish(f.check(Region.EAST, Instant.parse("2026-12-01T03:00:00Z"), "80.0",
                onShelf(MILK, "12.00", "10.00")), Instant.parse("2026-12-01T03:05:00Z"));
        visits.publish(f.check(Region.SOUTH, Instant.parse("2026-12-02T03:00:00Z"), "40.0",
                onShelf(YOGHURT, "13.00", "10.00", true)), Instant.parse("2026-12-02T03:05:00Z"));
        visits.publish(f.complaint(Region.SOUTH, ComplaintType.DELIVERY), Instant.parse("2026-12-03T02:00:00Z"));
        JsonNode byNora = api.awaitVisitsApplied(account, 6);
        Api anonymous = new Api(port);

        JsonNode byEric = anonymous.as(TestTokens.eric()).get("/api/reviews/" + account).body().get("execution");
        JsonNode bySofia = anonymous.as(TestTokens.sofia()).get("/api/reviews/" + account).body().get("execution");

        assertThat(byNora.at("/overall/coverage/due").asLong()).isEqualTo(2);
        assertThat(byNora.at("/overall/compliance/checks").asLong()).isEqualTo(2);
        assertThat(byEric.get("byRegion").propertyNames()).containsExactly("EAST");
        assertThat(byEric.get("byRegion").get("EAST")).isEqualTo(byNora.at("/byRegion/EAST"));
        assertThat(byEric.get("overall")).as("the account's figures are their region's").isEqualTo(byNora.at("/byRegion/EAST"));
        assertThat(byEric.at("/overall/coverage/due").asLong()).isEqualTo(1);
        assertThat(byEric.at("/overall/coverage/coveragePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(byEric.at("/overall/compliance/averageScore").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(byEric.at("/overall/prices/mostOftenOffPrice").valueStream().map(s -> s.get("gtin").asString()))
                .containsExactly(MILK);
        assertThat(byEric.at("/overall/stock/outOfStock").asLong()).isZero();
        assertThat(byEric.at("/overall/complaints/open").asLong()).isZero();
        assertThat(bySofia.get("byRegion").propertyNames()).containsExactly("SOUTH");
        assertThat(bySofia.at("/overall/compliance/averageScore").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(bySofia.at("/overall/prices/mostOftenOffPrice").valueStream().map(s -> s.get("gtin").asString()))
                .containsExactly(YOGHURT);
        assertThat(bySofia.at("/overall/stock/outOfStock").asLong()).isEqualTo(1);
        assertThat(bySofia.at("/overall/complaints/open").asLong()).isEqualTo(1);

        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/reviews/" + account).body().get("execution")
                .isNull()).isTrue();
        assertThat(anonymous.as(TestTokens.integrationFor(account)).get("/api/reviews/" + account).body()
                .get("execution").isNull()).isTrue();
    }
}
