package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;

/** Agreed promotions change only as a new revision approved and agreed anew; the account's minimum gap warns. */
class RevisionsApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(30);
    private static final LocalDate TO = FROM.plusDays(6);

    @Test
    void anAgreedPromotionIsRevisedIntoADraftOfTheNextRevisionThatNeedsApprovalAndAgreementAgain() {
        Chain chain = aChain(Region.EAST);
        String id = anAgreedPromotion(chain, chain.stores(), FROM, TO);
        var agreed = nora.get("/api/promotions/" + id);

        assertThat(nora.put("/api/promotions/" + id + "/terms", terms(chain.stores(), FROM, TO.plusDays(1)),
                agreed.etag()).status()).as("agreed terms are fixed").isEqualTo(409);
        var revised = nate.post("/api/promotions/" + id + "/revisions",
                Map.of("terms", terms(chain.stores(), FROM.plusDays(7), TO.plusDays(7)), "reason", "the DM moved a week"),
                agreed.etag());

        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(200);
        assertThat(revised.text("status")).isEqualTo("DRAFT");
        assertThat(revised.body().path("revision").asInt()).isEqualTo(2);
        assertThat(revised.body().path("agreement").isNull()).isTrue();
        assertThat(revised.body().path("committedSpend").isNull()).isTrue();
        assertThat(revised.body().path("terms").path("inStore").path("from").asString())
                .isEqualTo(FROM.plusDays(7).toString());
        var events = awaitEvents(chain.id(), e -> types(e).contains("kam.promotion.revised"));
        var event = events.stream().filter(e -> e.type().equals("kam.promotion.revised")).findFirst().orElseThrow();
        assertThat(event.data().path("previousRevision").asInt()).isEqualTo(1);
        assertThat(event.data().path("editor").asString()).isEqualTo("nate");

        var proposed = nate.post("/api/promotions/" + id + "/proposal", null, revised.etag());
        assertThat(nate.post("/api/promotions/" + id + "/approval", null, proposed.etag()).status())
                .as("the reviser may not approve it").isEqualTo(403);
        assertThat(nora.post("/api/promotions/" + id + "/approval", null, proposed.etag()).status())
                .as("nor its author").isEqualTo(403);
        var approved = anonymous.as(TestTokens.token("olga", Set.of("national-ka-manager"), null)).post("/api/promotions/" + id + "/approval", null, proposed.etag());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAnAgreedPromotionIsRevisedWithItsVersionAndAReason() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, TO)));
        String id = drafted.text("id");
        var body = Map.of("terms", terms(chain.stores(), FROM, TO), "reason", "why");

        assertThat(nora.post("/api/promotions/" + id + "/revisions", body, drafted.etag()).text("code"))
                .isEqualTo("promotion-draft");
        assertThat(nora.post("/api/promotions/" + id + "/revisions", body).status()).isEqualTo(428);
        assertThat(nora.post("/api/promotions/" + id + "/revisions", Map.of("terms", terms(chain.stores(), FROM, TO)),
                drafted.etag()).status()).isEqualTo(400);
        assertThat(eric.post("/api/promotions/" + id + "/revisions", body, drafted.etag()).status()).isEqualTo(403);
        assertThat(nora.get("/api/promotions/" + id).etag()).as("nothing written").isEqualTo(drafted.etag());
    }

    @Test
    void aPromotionOfTheSameSkuInTheSameStoreSoonerThanTheAccountsMinimumGapIsAWarning() {
        Chain chain = aChain(Region.EAST);
        assertThat(nora.get("/api/promotions/settings/" + chain.id()).body().path("minimumGapDays").asInt()).isZero();
        var set = nora.put("/api/promotions/settings/" + chain.id(), Map.of("minimumGapDays", 28), null);
        assertThat(set.status()).isEqualTo(200);
        nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, TO)));
        // 20 days between the two in-store periods: TO + 1 .. TO + 20 free
        var second = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), TO.plusDays(21), TO.plusDays(27))));
        var farther = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), TO.plusDays(60), TO.plusDays(66))));

        var proposed = nora.post("/api/promotions/" + second.text("id") + "/proposal", null, second.etag());
        var proposedFarther = nora.post("/api/promotions/" + farther.text("id") + "/proposal", null, farther.etag());

        var warning = proposed.body().path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("minimum-gap");
        assertThat(warning.path("detail").asString()).contains("20 day(s)", "minimum of 28");
        assertThat(proposedFarther.body().path("warnings").isEmpty()).isTrue();
        var events = awaitEvents(chain.id(), e -> types(e).contains("kam.promotion-settings.changed"));
        assertThat(events.stream().filter(e -> e.type().equals("kam.promotion-settings.changed")).findFirst()
                .orElseThrow().data().path("minimumGapDays").asInt()).isEqualTo(28);
    }

    @Test
    void settingsAreSetByNationalKaManagersWithinAYearForAKnownAccount() {
        Chain chain = aChain(Region.EAST);

        assertThat(eric.put("/api/promotions/settings/" + chain.id(), Map.of("minimumGapDays", 7), null).status())
                .isEqualTo(403);
        assertThat(nora.put("/api/promotions/settings/" + chain.id(), Map.of("minimumGapDays", 400), null).status())
                .isEqualTo(400);
        assertThat(nora.put("/api/promotions/settings/" + UUID.randomUUID(), Map.of("minimumGapDays", 7), null).status())
                .isEqualTo(404);
        assertThat(nora.get("/api/promotions/settings/" + chain.id()).body().path("minimumGapDays").asInt()).isZero();
        assertThat(anonymous.get("/api/promotions/settings/" + chain.id()).status()).isEqualTo(401);
    }
}
