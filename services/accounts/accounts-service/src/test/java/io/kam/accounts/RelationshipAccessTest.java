package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may read and keep an account's relationship records. The account is present in the East only: Eric, the
 * East's coordinator, reads but may not change; Sofia, of the South, must not learn it exists; integrations, even
 * the retailer's own client, have no access: these records are our view of the retailer.
 */
class RelationshipAccessTest extends ServiceTest {

    private static final SwotPointDetails A_POINT = new SwotPointDetails(SwotKind.STRENGTH, "Strong brand", null, null);
    private static final WallCellDetails A_CELL = new WallCellDetails(2, LocalDate.of(2026, 6, 3), null);
    private static final ImportantDateDetails A_DATE = new ImportantDateDetails(
            ImportantDateType.COOPERATION_ANNIVERSARY, LocalDate.of(2012, 4, 18), null, null, null);

    private UUID account;
    private String base;
    private String point;
    private String assessment;
    private String date;

    @BeforeEach
    void anEastOnlyAccountWithARecordOfEachKind() {
        account = open(aNationalHypermarketChain());
        base = "/api/accounts/" + account;
        api.post(base + "/stores", aStore("E-1", Region.EAST));
        point = base + "/swot/points/" + api.post(base + "/swot/points", A_POINT).text("id");
        assessment = base + "/heat/assessments/"
                + api.post(base + "/heat", HeatApiTest.assessment(10, 10, 10, 10, 10)).body().path("current").path("id").asString();
        api.put(base + "/wall/PURCHASING/BUYER", A_CELL, "*");
        date = base + "/dates/" + api.post(base + "/dates", A_DATE).text("id");
    }

    @Test
    void aCoordinatorOfAnotherRegionFindsNothing() {
        Api sofia = anonymous.as(TestTokens.sofia());

        assertThat(reads().stream().map(path -> sofia.get(path).status())).containsOnly(404);
        assertThat(writes(sofia)).as("existence does not leak through writes either").containsOnly(404);
    }

    @Test
    void theCoordinatorOfTheAccountsRegionReadsButChangesNothing() {
        Api eric = anonymous.as(TestTokens.eric());

        assertThat(reads().stream().map(path -> eric.get(path).status())).containsOnly(200);
        assertThat(writes(eric)).containsOnly(403);
        assertThat(eric.put(point, A_POINT, null).status()).as("the role is checked before the version").isEqualTo(403);
        assertNothingChanged();
    }

    @Test
    void integrationsHaveNoBusinessWithRelationshipRecordsNotEvenTheRetailersOwnClient() {
        Api integration = anonymous.as(TestTokens.integrationForAllAccounts());
        Api theRetailer = anonymous.as(TestTokens.integrationFor(account));

        assertThat(reads().stream().map(path -> integration.get(path).status())).containsOnly(403);
        assertThat(writes(integration)).containsOnly(403);
        assertThat(reads().stream().map(path -> theRetailer.get(path).status()))
                .as("a retailer's client must never read our SWOT, heat or wall of that retailer").containsOnly(403);
        assertThat(writes(theRetailer)).containsOnly(403);
        assertNothingChanged();
    }

    private List<String> reads() {
        return List.of(base + "/swot", point, base + "/heat", assessment, base + "/wall", base + "/wall/PURCHASING/BUYER",
                base + "/dates", date);
    }

    private List<Integer> writes(Api as) {
        return List.of(
                as.post(base + "/swot/points", A_POINT).status(),
                as.put(point, A_POINT, "\"0\"").status(),
                as.delete(point, "\"0\"").status(),
                as.post(base + "/heat", HeatApiTest.assessment(20, 20, 20, 20, 20)).status(),
                as.put(base + "/wall/PURCHASING/BUYER", new WallCellDetails(5, null, null), "*").status(),
                as.put(base + "/wall/FINANCE/BUYER", A_CELL, "*").status(),
                as.post(base + "/dates", A_DATE).status(),
                as.put(date, A_DATE, "\"0\"").status(),
                as.delete(date, "\"0\"").status());
    }

    private void assertNothingChanged() {
        assertThat(api.get(base + "/swot").body().path("strengths").size()).isEqualTo(1);
        assertThat(api.get(point).etag()).isEqualTo("\"0\"");
        assertThat(api.get(base + "/heat").body().path("history").size()).isEqualTo(1);
        assertThat(api.get(base + "/wall/PURCHASING/BUYER").body().path("strength").asInt()).isEqualTo(2);
        assertThat(api.get(base + "/wall/FINANCE/BUYER").body().path("strength").isNull()).isTrue();
        assertThat(api.get(base + "/dates").body().size()).isEqualTo(1);
        assertThat(api.get(date).etag()).isEqualTo("\"0\"");
        api.post(base + "/swot/points", new SwotPointDetails(SwotKind.THREAT, "Afterwards", null, null));
        assertThat(types(awaitEvents(account, e -> e.size() >= 7))).containsExactly("kam.account.opened",
                "kam.store.opened", "kam.swot.point-added", "kam.account.heat-assessed", "kam.account.wall-changed",
                "kam.account.date-added", "kam.swot.point-added");
    }
}
