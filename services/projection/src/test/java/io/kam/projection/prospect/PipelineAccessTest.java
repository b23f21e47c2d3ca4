package io.kam.projection.prospect;

import static io.kam.projection.prospect.PipelineTest.counts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/** Who may read the pipeline, and how much of it: every refusal. */
class PipelineAccessTest extends ReviewsTest {

    private static final YearMonth JUNE_2018 = YearMonth.of(2018, 6);
    private static volatile PipelineScenario scenario;

    @LocalServerPort
    int port;
    private Api anonymous;

    @BeforeEach
    void theProspectsOfJune2018() {
        anonymous = new Api(port);
        if (scenario == null) {
            scenario = PipelineScenario.publish(prospects, JUNE_2018);
            api.awaitCaughtUp();
        }
    }

    @Test
    void aCoordinatorSeesTheirOwnRegionsPipelineOnly() {
        JsonNode eric = anonymous.as(TestTokens.eric()).get("/api/reviews/pipeline?" + scenario.range()).body();
        JsonNode sofia = anonymous.as(TestTokens.sofia()).get("/api/reviews/pipeline?region=SOUTH&" + scenario.range())
                .body();

        assertThat(eric.get("region").asString()).isEqualTo("EAST");
        assertThat(eric.get("prospects").asLong()).isEqualTo(2);
        assertThat(counts(eric.get("byRegion"))).containsEntry("EAST", 2L).containsEntry("SOUTH", 0L)
                .containsEntry("NORTH", 0L);
        assertThat(sofia.get("region").asString()).isEqualTo("SOUTH");
        assertThat(sofia.get("prospects").asLong()).isEqualTo(2);
        assertThat(counts(sofia.get("byStage"))).containsEntry("IDENTIFIED", 1L).containsEntry("DEVELOPING", 1L)
                .containsEntry("CONVERTED", 0L);
    }

    @Test
    void aCoordinatorAskingForAnotherRegionIsRefused() {
        Api eric = anonymous.as(TestTokens.eric());

        var refused = eric.get("/api/reviews/pipeline?region=SOUTH&" + scenario.range());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("outside-your-region");
        assertThat(eric.get("/api/reviews/pipeline?region=EAST&" + scenario.range()).status()).isEqualTo(200);
    }

    @Test
    void aManagerSeesEveryRegion() {
        JsonNode nora = anonymous.as(TestTokens.nora()).get("/api/reviews/pipeline?" + scenario.range()).body();

        assertThat(nora.get("prospects").asLong()).isEqualTo(5);
        assertThat(anonymous.as(TestTokens.nate()).get("/api/reviews/pipeline?region=NORTH&" + scenario.range()).body()
                .get("prospects").asLong()).isEqualTo(1);
    }

    @Test
    void integrationsAndStrangersAreRefused() {
        assertThat(anonymous.get("/api/reviews/pipeline").status()).isEqualTo(401);
        var integration = anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/reviews/pipeline");
        assertThat(integration.status()).isEqualTo(403);
        assertThat(integration.text("code")).isEqualTo("role-required");
        assertThat(anonymous.as(TestTokens.integrationFor(UUID.randomUUID())).get("/api/reviews/pipeline").status())
                .isEqualTo(403);
    }

    @Test
    void aRangeEndingBeforeItStartsOrADateThatIsNoneIsABadRequest() {
        Api nora = anonymous.as(TestTokens.nora());

        var backwards = nora.get("/api/reviews/pipeline?from=2018-06-30&to=2018-06-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldErrors()).containsExactly("to: must not be before from (2018-06-30)");
        assertThat(nora.get("/api/reviews/pipeline?from=2018-02-30").status()).isEqualTo(400);
        assertThat(nora.get("/api/reviews/pipeline?region=ATLANTIS").status()).isEqualTo(400);
    }

    @Test
    void thePipelineIsDescribedInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/reviews/pipeline'].get.summary").exists()
                .jsonPath("$.paths['/api/reviews/pipeline'].get.parameters[?(@.name == 'from')]").exists();
    }
}
