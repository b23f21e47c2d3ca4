package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aSouthernSupermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Reminders of upcoming important dates across the accounts a person looks after. Dates lie a multiple of four years
 * back, so that leap days fall alike; other tests' dates share the database, so only this test's accounts count.
 */
class RemindersApiTest extends ServiceTest {

    private LocalDate today;
    private UUID national;
    private UUID southern;
    private String nationalName;
    private String southernName;

    @BeforeEach
    void aNationalChainInTheEastAndARegionalChainInTheSouth() {
        today = LocalDate.now(MarketCalendar.ZONE);
        var nationalRequest = aNationalHypermarketChain();
        var southernRequest = aSouthernSupermarketChain();
        nationalName = nationalRequest.name();
        southernName = southernRequest.name();
        national = open(nationalRequest);
        southern = open(southernRequest);
        api.post("/api/accounts/" + national + "/stores", aStore("E-1", Region.EAST));
        UUID liWei = UUID.fromString(api.post("/api/accounts/" + national + "/contacts", aBuyer()).text("id"));
        date(national, ImportantDateType.BIRTHDAY, today.minusYears(40), liWei);
        date(national, ImportantDateType.COOPERATION_ANNIVERSARY, today.minusYears(16).plusDays(3), null);
        date(national, ImportantDateType.COMPANY_ANNIVERSARY, today.minusYears(8).plusDays(45), null);
        date(southern, ImportantDateType.COMPANY_ANNIVERSARY, today.minusYears(20).plusDays(3), null);
    }

    @Test
    void aManagerIsRemindedOfEveryAccountSoonestFirstThenByAccountName() {
        var reminders = reminders(api, "");

        assertThat(reminders).extracting(r -> r.path("accountName").asString() + " " + r.path("type").asString()
                        + " in " + r.path("daysUntil").asLong() + " days, year " + r.path("yearsSince").asInt())
                .containsExactly(
                        nationalName + " BIRTHDAY in 0 days, year 40",
                        southernName + " COMPANY_ANNIVERSARY in 3 days, year 20",
                        nationalName + " COOPERATION_ANNIVERSARY in 3 days, year 16");
        JsonNode birthday = reminders.getFirst();
        assertThat(birthday.path("contactName").asString()).isEqualTo("Li Wei");
        assertThat(birthday.path("title").asString()).isEqualTo("Li Wei's birthday");
        assertThat(birthday.path("nextOccurrence").asString()).isEqualTo(today.toString());
        assertThat(birthday.path("date").asString()).isEqualTo(today.minusYears(40).toString());
        assertThat(birthday.path("accountId").asString()).isEqualTo(national.toString());
        assertThat(reminders.get(2).path("nextOccurrence").asString()).isEqualTo(today.plusDays(3).toString());
    }

    @Test
    void theWindowIsChosenInDays() {
        assertThat(reminders(api, "?days=0")).hasSize(1);
        assertThat(reminders(api, "?days=44")).hasSize(3);
        assertThat(reminders(api, "?days=45")).hasSize(4);
        assertThat(reminders(api, "?days=366")).hasSize(4);
    }

    @Test
    void aCoordinatorIsRemindedOnlyOfTheAccountsPresentInTheirRegion() {
        var eric = reminders(anonymous.as(TestTokens.eric()), "?days=60");
        var sofia = reminders(anonymous.as(TestTokens.sofia()), "?days=60");

        assertThat(eric).extracting(r -> r.path("accountId").asString()).hasSize(3).containsOnly(national.toString());
        assertThat(sofia).extracting(r -> r.path("accountId").asString()).containsExactly(southern.toString());
    }

    @Test
    void integrationsGetNoRemindersAndTheWindowIsBounded() {
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/accounts/reminders").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(national)).get("/api/accounts/reminders").status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/accounts/reminders").status()).isEqualTo(401);
        assertThat(api.get("/api/accounts/reminders?days=367").fieldErrors())
                .containsExactly("days: must be less than or equal to 366");
        assertThat(api.get("/api/accounts/reminders?days=-1").fieldErrors())
                .containsExactly("days: must be greater than or equal to 0");
        assertThat(api.get("/api/accounts/reminders?days=soon").fieldErrors()).containsExactly("days: must be a int");
    }

    /** The reminders of this test's accounts; skipped in the rare run that straddles midnight in Shanghai. */
    private List<JsonNode> reminders(Api as, String query) {
        var response = as.get("/api/accounts/reminders" + query);
        assumeTrue(today.equals(LocalDate.now(MarketCalendar.ZONE)), "the test ran across midnight in Shanghai");
        assertThat(response.status()).isEqualTo(200);
        Set<String> ours = Set.of(national.toString(), southern.toString());
        return response.body().valueStream().filter(r -> ours.contains(r.path("accountId").asString())).toList();
    }

    private void date(UUID account, ImportantDateType type, LocalDate date, UUID contactId) {
        var added = api.post("/api/accounts/" + account + "/dates", new ImportantDateDetails(type, date, contactId,
                null, null));
        assertThat(added.status()).as("%s on %s", type, date).isEqualTo(201);
    }
}
