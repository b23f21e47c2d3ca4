package io.kam.negotiations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** Negotiations and terms are confidential: national KA managers only; everyone else is refused, and nothing leaks. */
class NegotiationAccessTest extends ServiceTest {

    private void refusedEverywhere(Api who, int status, UUID account, String negotiation) {
        assertThat(who.get("/api/negotiations").status()).isEqualTo(status);
        assertThat(who.get("/api/negotiations/" + negotiation).status()).isEqualTo(status);
        assertThat(who.get("/api/negotiations/" + negotiation + "/ledger").status()).isEqualTo(status);
        assertThat(who.get("/api/negotiations/aliases?accountId=" + account).status()).isEqualTo(status);
        assertThat(who.get("/api/negotiations/agreements?accountId=" + account).status()).isEqualTo(status);
        assertThat(who.get("/api/negotiations/compare?year=2027").status()).isEqualTo(status);
        assertThat(who.post("/api/negotiations", Map.of("accountId", account, "year", 2028)).status())
                .isEqualTo(status);
        assertThat(who.post("/api/negotiations", Map.of("year", 1)).status()).as("an invalid body tells them nothing")
                .isEqualTo(status);
        assertThat(who.put("/api/negotiations/aliases", Map.of("accountId", account, "buyerName", "gift",
                "kind", "OTHER"), null).status()).isEqualTo(status);
        assertThat(who.put("/api/negotiations/" + negotiation + "/preparation",
                NegotiationFixture.preparation(NegotiationFixture.yangtzeTerms()), null).status()).isEqualTo(status);
    }

    @Test
    void coordinatorsIntegrationsAndAnonymousCallersGetNothing() {
        UUID account = aChain(3, 0);
        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027));
        String id = opened.text("id");

        refusedEverywhere(eric, 403, account, id);
        refusedEverywhere(anonymous.as(TestTokens.integrationFor(account)), 403, account, id);
        refusedEverywhere(anonymous.as(TestTokens.integration()), 403, account, id);
        refusedEverywhere(anonymous, 401, account, id);

        assertThat(nora.get("/api/negotiations?accountId=" + account).body().size()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from negotiation where account_id = ?").param(account)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from term_alias where account_id = ?").param(account)
                .query(Long.class).single()).isZero();
    }
}
