package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.PlanFixture.aPlanFor;
import static io.kam.accounts.PlanFixture.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.Race;
import io.kam.platform.testing.TestTokens;

/**
 * Two managers changing the same version of a plan at the same instant, on real threads, round after round (issue
 * 17): exactly one change is taken, the other is refused with 412 {@code stale-version} as a problem detail, and
 * the plan holds the winner's targets with one {@code kam.plan.targets-changed} event per round.
 */
class ConcurrentEditsTest extends ServiceTest {

    private static final int ROUNDS = 25;

    @Test
    void twoWritersOnOneVersionOfAPlanOneWinsTheOtherGets412() {
        Api nate = anonymous.as(TestTokens.nate());
        UUID account = open(aNationalHypermarketChain());
        assertThat(api.post("/api/accounts/" + account + "/plans", aPlanFor(2027)).status()).isEqualTo(201);
        String v1 = "/api/accounts/" + account + "/plans/2027/versions/1";
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String etag = api.get(v1).etag();
                long byNora = 10_000_000L + round;
                long byNate = 20_000_000L + round;
                List<Api.Response> answers = race.run(() -> api.put(v1 + "/targets", targets(byNora), etag),
                        () -> nate.put(v1 + "/targets", targets(byNate), etag));
                assertThat(answers).as("round %d", round).extracting(Api.Response::status)
                        .containsExactlyInAnyOrder(200, 412);
                Api.Response lost = answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
                assertThat(lost.headers().getContentType()).hasToString("application/problem+json");
                assertThat(lost.text("code")).isEqualTo("stale-version");
                long won = answers.get(0).status() == 200 ? byNora : byNate;
                Api.Response now = api.get(v1);
                assertThat(now.body().at("/targets/0/value").asLong()).as("round %d: the winner's targets", round)
                        .isEqualTo(won);
                assertThat(now.etag()).as("round %d: one change, one version step", round)
                        .isEqualTo("\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
            }
        }
        assertThat(types(awaitEvents(account, events -> events.size() == 2 + ROUNDS))
                .stream().filter("kam.plan.targets-changed"::equals)).as("one event per change taken").hasSize(ROUNDS);
    }
}
