package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** Each refusal: who may plan, who reads which promotions, and that an integration bound to no retailer gets nothing. */
class PromotionAccessTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(40);
    private static final LocalDate TO = FROM.plusDays(9);

    @Test
    void onlyNationalKaManagersPlanAndDecide() {
        Chain chain = aChain(Region.EAST);
        var body = draft(chain.id(), terms(chain.stores(), FROM, TO));

        assertThat(anonymous.post("/api/promotions", body).status()).isEqualTo(401);
        assertThat(eric.post("/api/promotions", body).status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(chain.id())).post("/api/promotions", body).status()).isEqualTo(403);
        var drafted = nora.post("/api/promotions", body);
        String id = drafted.text("id");
        assertThat(eric.post("/api/promotions/" + id + "/proposal", null, drafted.etag()).status()).isEqualTo(403);
        assertThat(eric.post("/api/promotions/" + id + "/cancellation", Map.of("reason", "no"), drafted.etag()).status())
                .isEqualTo(403);
        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void aCoordinatorReadsThePromotionsThatRunInTheirRegionsStoresOnly() {
        Chain chain = aChain(Region.EAST, Region.SOUTH);
        String east = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), FROM, TO)))
                .text("id");
        String south = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(1)), FROM, TO)))
                .text("id");

        assertThat(eric.get("/api/promotions/" + east).status()).isEqualTo(200);
        assertThat(eric.get("/api/promotions/" + south).status()).as("its existence does not leak").isEqualTo(404);
        assertThat(sofia.get("/api/promotions/" + south).status()).isEqualTo(200);
        var list = eric.get("/api/promotions?accountId=" + chain.id());
        assertThat(list.body().path("total").asLong()).isEqualTo(1);
        assertThat(list.body().path("items").get(0).path("id").asString()).isEqualTo(east);
        assertThat(eric.get("/api/promotions?region=SOUTH").status()).isEqualTo(403);
    }

    @Test
    void aRetailersIntegrationReadsItsOwnAccountsAgreedPromotionsAndAnUnboundOneNothing() {
        Chain chain = aChain(Region.EAST, Region.EAST);
        Chain other = aChain(Region.EAST);
        var draftOnly = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), FROM, TO)));
        String agreed = anAgreedPromotion(chain, List.of(chain.stores().get(1)), FROM, TO);
        String othersAgreed = anAgreedPromotion(other, other.stores(), FROM, TO);
        Api retailer = anonymous.as(TestTokens.integrationFor(chain.id()));

        assertThat(retailer.get("/api/promotions/" + agreed).status()).isEqualTo(200);
        assertThat(retailer.get("/api/promotions/" + draftOnly.text("id")).status()).as("not agreed yet").isEqualTo(404);
        assertThat(retailer.get("/api/promotions/" + othersAgreed).status()).as("another chain's").isEqualTo(404);
        var list = retailer.get("/api/promotions");
        assertThat(list.body().path("total").asLong()).isEqualTo(1);
        assertThat(list.body().path("items").get(0).path("id").asString()).isEqualTo(agreed);
        assertThat(retailer.get("/api/promotions?accountId=" + other.id()).status()).isEqualTo(403);

        Api unbound = anonymous.as(TestTokens.integration());
        assertThat(unbound.get("/api/promotions").status()).as("fail closed").isEqualTo(403);
        assertThat(unbound.get("/api/promotions").text("code")).isEqualTo("retailer-required");
        assertThat(unbound.get("/api/promotions/" + agreed).status()).isEqualTo(403);
    }

    @Test
    void anIntegrationGrantedEveryAccountReadsEveryAccountsAgreedPromotionsOnly() {
        Chain chain = aChain(Region.EAST, Region.EAST);
        Chain other = aChain(Region.SOUTH);
        var draftOnly = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), FROM, TO)));
        String agreed = anAgreedPromotion(chain, List.of(chain.stores().get(1)), FROM, TO);
        String othersAgreed = anAgreedPromotion(other, other.stores(), FROM, TO);
        Api everyAccount = anonymous.as(TestTokens.integrationForAllAccounts());

        assertThat(everyAccount.get("/api/promotions/" + agreed).status()).isEqualTo(200);
        assertThat(everyAccount.get("/api/promotions/" + othersAgreed).status()).isEqualTo(200);
        assertThat(everyAccount.get("/api/promotions/" + draftOnly.text("id")).status()).as("not agreed yet").isEqualTo(404);
        assertThat(everyAccount.get("/api/promotions?accountId=" + other.id()).body().path("items").valueStream()
                .map(p -> p.path("id").asString())).containsExactly(othersAgreed);
    }
}
