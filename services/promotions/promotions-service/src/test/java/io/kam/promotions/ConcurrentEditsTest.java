package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.Race;

/**
 * Two managers changing the terms of the same version of a promotion at the same instant, on real threads, round
 * after round (issue 17): exactly one change is taken, the other is refused with 412 {@code stale-version}, and the
 * promotion holds the winner's terms, one version step per round.
 */
class ConcurrentEditsTest extends ServiceTest {

    private static final int ROUNDS = 25;
    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(60);

    @Test
    void twoWritersOnOneVersionOfAPromotionOneWinsTheOtherGets412() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, FROM.plusDays(13))));
        assertThat(drafted.status()).isEqualTo(201);
        String path = "/api/promotions/" + drafted.text("id");
        try (Race race = new Race()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String etag = nora.get(path).etag();
                LocalDate byNora = FROM.plusDays(14 + round);
                LocalDate byNate = FROM.plusDays(50 + round);
                List<Api.Response> answers = race.run(
                        () -> nora.put(path + "/terms", terms(chain.stores(), FROM, byNora), etag),
                        () -> nate.put(path + "/terms", terms(chain.stores(), FROM, byNate), etag));
                assertThat(answers).as("round %d", round).extracting(Api.Response::status)
                        .containsExactlyInAnyOrder(200, 412);
                Api.Response lost = answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
                assertThat(lost.headers().getContentType()).hasToString("application/problem+json");
                assertThat(lost.text("code")).isEqualTo("stale-version");
                Api.Response won = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
                Api.Response now = nora.get(path);
                assertThat(now.body().path("terms")).as("round %d: the winner's terms", round)
                        .isEqualTo(won.body().path("terms"));
                assertThat(now.etag()).as("round %d: one change, one version step", round)
                        .isEqualTo("\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
            }
        }
    }
}
