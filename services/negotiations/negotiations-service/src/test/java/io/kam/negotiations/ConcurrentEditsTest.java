package io.kam.negotiations;

import static io.kam.negotiations.NegotiationFixture.preparation;
import static io.kam.negotiations.NegotiationFixture.yangtzeTerms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.Race;

/**
 * Two managers saving the preparation of the same version of a negotiation at the same instant, on real threads,
 * round after round (issue 17): exactly one is taken, the other is refused with 412 {@code stale-version}, one
 * version step per round.
 */
class ConcurrentEditsTest extends ServiceTest {

    private static final int ROUNDS = 25;

    @Test
    void twoWritersOnOneVersionOfANegotiationOneWinsTheOtherGets412() {
        UUID account = aChain(20, 0);
        mapped(account, NegotiationFixture.yangtzeAliases());
        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String path = "/api/negotiations/" + opened.text("id");
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String etag = nora.get(path).etag();
                List<Api.Response> answers = race.run(
                        () -> nora.put(path + "/preparation", preparation(yangtzeTerms()), etag),
                        () -> nate.put(path + "/preparation", preparation(yangtzeTerms()), etag));
                assertThat(answers).as("round %d: %s", round, answers).extracting(Api.Response::status)
                        .containsExactlyInAnyOrder(200, 412);
                Api.Response lost = answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
                assertThat(lost.headers().getContentType()).hasToString("application/problem+json");
                assertThat(lost.text("code")).isEqualTo("stale-version");
                assertThat(nora.get(path).etag()).as("round %d: one change, one version step", round)
                        .isEqualTo("\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
            }
        }
    }
}
