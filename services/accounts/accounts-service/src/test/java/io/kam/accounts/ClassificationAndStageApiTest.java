package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.account.ClassifyAccount;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.Actor;

class ClassificationAndStageApiTest extends ServiceTest {

    @Autowired
    ClassifyAccount classifyAccount;

    @Test
    void classificationKeepsItsHistoryWithWhoWhenAndWhy() {
        UUID account = open(aNationalHypermarketChain());
        String path = "/api/accounts/" + account + "/classification";

        var first = api.put(path, Map.of("tier", "B", "role", "RED", "reason", "good margin, irregular orders"), "\"0\"");
        var second = api.put(path, Map.of("tier", "A", "role", "WHITE", "reason", "volume doubled at 4% margin"), first.etag());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("tier")).isEqualTo("A");
        assertThat(second.body().path("history").size()).isEqualTo(2);
        var latest = second.body().path("history").get(1);
        assertThat(latest.path("previousTier").asString()).isEqualTo("B");
        assertThat(latest.path("reason").asString()).isEqualTo("volume doubled at 4% margin");
        assertThat(latest.path("changedBy").asString()).isEqualTo("nora");
        assertThat(latest.path("changedAt").asString()).isNotBlank();
        assertThat(types(awaitEvents(account, e -> e.size() == 3)))
                .containsExactly("kam.account.opened", "kam.account.classified", "kam.account.classified");
    }

    @Test
    void aBlackAccountNeedsANationalKaManager() {
        UUID account = open(aNationalHypermarketChain());

        var eric = new Actor("eric", Set.of(Actor.REGIONAL_COORDINATOR), "EAST");
        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(io.kam.platform.web.ApiProblem.Forbidden.class,
                () -> classifyAccount.classify(account, 0,
                        new AccountRequests.Classify(ValueTier.C, AccountRole.BLACK, "kept for brand presence"), eric));
        var accepted = api.put("/api/accounts/" + account + "/classification",
                Map.of("tier", "C", "role", "BLACK", "reason", "kept for brand presence"), "\"0\"");

        assertThat(refusal.code()).isEqualTo("national-ka-manager-required");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("role")).isEqualTo("BLACK");
        var history = api.get("/api/accounts/" + account + "/classification").body().path("history");
        assertThat(history.size()).as("the refused attempt left no trace").isEqualTo(1);
        assertThat(history.get(0).path("changedBy").asString()).isEqualTo("nora");
    }

    @Test
    void classificationNeedsTierRoleAndReason() {
        UUID account = open(aNationalHypermarketChain());

        var response = api.put("/api/accounts/" + account + "/classification", Map.of("tier", "A"), "\"0\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactlyInAnyOrder("reason: must not be blank", "role: must not be null");
    }

    @Test
    void stagesMoveWithEvidenceAndSkipsNeedAReason() {
        UUID account = open(aNationalHypermarketChain());
        String path = "/api/accounts/" + account + "/stage";

        var next = api.put(path, Map.of("stage", "PRODUCT_USER", "evidence", "first order: 12 SKUs"), "\"0\"");
        var skip = api.put(path, Map.of("stage", "EXCLUSIVE_USER", "evidence", "sole supplier of UHT milk"), next.etag());
        var justified = api.put(path, Map.of("stage", "EXCLUSIVE_USER", "evidence", "sole supplier of UHT milk",
                "reason", "competitor delisted after recall"), next.etag());

        assertThat(next.status()).isEqualTo(200);
        assertThat(skip.status()).isEqualTo(422);
        assertThat(skip.text("code")).isEqualTo("stage-change-needs-reason");
        assertThat(justified.status()).isEqualTo(200);
        assertThat(justified.text("stage")).isEqualTo("EXCLUSIVE_USER");
        assertThat(justified.body().path("history").get(1).path("reason").asString()).isEqualTo("competitor delisted after recall");
        var events = awaitEvents(account, e -> e.size() == 3);
        assertThat(events.get(2).data().path("from").asString()).isEqualTo("PRODUCT_USER");
        assertThat(api.put(path, Map.of("stage", "PRODUCT_USER", "evidence", "x"), null).status()).isEqualTo(428);
        assertThat(api.put(path, Map.of("stage", "PREFERRED_USER"), justified.etag()).status()).isEqualTo(400);
    }
}
