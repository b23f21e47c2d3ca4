package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.someTargets;
import static io.kam.projection.ProjectionServiceTest.MAX_DAYS_WITHOUT_CONTACT;
import static io.kam.projection.ProjectionServiceTest.TODAY;
import static io.kam.projection.RelationshipFixture.wallChanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.WallLevel;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/**
 * The relationship wall and its weak spots in the departments the approved plan depends on. The tests allow
 * {@value io.kam.projection.ProjectionServiceTest#MAX_DAYS_WITHOUT_CONTACT} days without contact; today is
 * 2027-01-01 in Shanghai.
 */
class WallReviewTest extends ReviewsTest {

    private static final Instant T0 = Instant.parse("2026-12-20T02:00:00Z");

    @Test
    void weakTiesAndSilenceAreFoundOnlyInTheDepartmentsTheApprovedPlanDependsOn() {
        UUID account = UUID.randomUUID();
        PlanFixture plan = aPlan(account, 2027)
                .dependingOn(Department.STORE_OPERATIONS, Department.MARKETING, Department.PURCHASING);
        topic.publish(aNationalHypermarketChain(account, "Wall Mart"));
        // purchasing: a strong tie, but nobody met for 47 days, more than the 30 allowed (and less than the default 90)
        topic.publish(wallChanged(account, Department.PURCHASING, WallLevel.BUYER, 4, TODAY.minusDays(47), T0));
        topic.publish(wallChanged(account, Department.PURCHASING, WallLevel.DIRECTOR, 1, TODAY.minusDays(200), T0));
        // marketing: met last week, but the manager's tie weakened to 1
        topic.publish(wallChanged(account, Department.MARKETING, WallLevel.MANAGER, 3, TODAY.minusDays(20), T0));
        topic.publish(wallChanged(account, Department.MARKETING, WallLevel.MANAGER, 1, TODAY.minusDays(4),
                T0.plusSeconds(3600)));
        // logistics: weak, but the plan does not depend on it
        topic.publish(wallChanged(account, Department.LOGISTICS, WallLevel.DIRECTOR, 0, TODAY.minusDays(400), T0));
        topic.publish(plan.drafted(1, someTargets(), List.of()));

        JsonNode drafted = api.awaitEventsApplied(account, 7);
        assertThat(drafted.at("/wall/cells").valueStream()
                .map(c -> c.get("department").asString() + " " + c.get("level").asString() + " "
                        + c.get("strength").asInt() + " " + c.get("lastContact").asString()).toList())
                .as("the assessed cells as last changed, by department and level")
                .containsExactly("PURCHASING BUYER 4 2026-11-15", "PURCHASING DIRECTOR 1 2026-06-15",
                        "MARKETING MANAGER 1 2026-12-28", "LOGISTICS DIRECTOR 0 2025-11-27");
        assertThat(drafted.at("/wall/findings")).as("no approved plan, nothing it depends on").isEmpty();

        topic.publish(plan.approved(1, T0, someTargets(), List.of()));

        JsonNode approved = api.awaitEventsApplied(account, 8);
        assertThat(approved.at("/wall/findings").valueStream()
                .map(f -> f.get("department").asString() + " " + f.get("reason").asString()).toList())
                .containsExactly("PURCHASING NO_RECENT_CONTACT", "MARKETING WEAK_TIES",
                        "STORE_OPERATIONS WEAK_TIES", "STORE_OPERATIONS NO_RECENT_CONTACT");
        JsonNode silence = approved.at("/wall/findings/0");
        assertThat(silence.get("strength").asInt()).as("the department's best tie").isEqualTo(4);
        assertThat(silence.get("lastContact").asString()).isEqualTo("2026-11-15");
        assertThat(silence.get("daysSinceContact").asLong()).isEqualTo(47).isGreaterThan(MAX_DAYS_WITHOUT_CONTACT);
        JsonNode never = approved.at("/wall/findings/3");
        assertThat(never.get("strength").asInt()).isZero();
        assertThat(never.get("lastContact").isNull()).isTrue();
        assertThat(never.get("daysSinceContact").isNull()).as("never contacted").isTrue();
    }

    @Test
    void theAllowedDaysWithoutContactAreDocumented() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/reviews/{accountId}'].get.description")
                .value(String.class, description -> assertThat(description)
                        .contains("kam.projection.wall.max-days-without-contact").contains("default 90"));
    }
}
