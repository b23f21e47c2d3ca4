package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.someTargets;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.AccountFixture;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;
import tools.jackson.databind.JsonNode;

/**
 * What an as-of read costs on an account with a realistic history: four months of daily sell-through from ten stores
 * and twenty SKUs (200 figures a day, 24,000 in all) under an approved plan. The time is logged, never asserted
 * (docs/performance.md); what is asserted is that the read as of now is the live review.
 */
class AsOfCostTest extends ReviewsTest {

    private static final Logger log = LoggerFactory.getLogger(AsOfCostTest.class);
    private static final int DAYS = 120;
    private static final int STORES = 10;
    private static final int SKUS = 20;

    @Test
    void anAsOfReadOfFourMonthsOfDailyFiguresReplaysThemAll() {
        UUID account = UUID.randomUUID();
        TopicWriter<SellThroughEvent> sellThrough = SellThroughFigures.topic();
        Instant opened = Instant.parse("2026-07-01T02:00:00Z");
        topic.publish(aNationalHypermarketChain(account, "Busy Mart"), opened);
        List<String> stores = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            StoreOpened store = AccountFixture.aStoreOpened(account, Region.values()[s % Region.values().length]);
            topic.publish(store, opened);
            stores.add(store.code());
        }
        PlanFixture plan = aPlan(account, 2026);
        topic.publish(plan.drafted(1, someTargets(), List.of()), opened);
        topic.publish(plan.submitted(1, opened), opened);
        topic.publish(plan.approved(1, opened, someTargets(), List.of()), opened);
        LocalDate first = LocalDate.of(2026, 8, 1);
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            List<RecordedLine> lines = new ArrayList<>();
            for (String store : stores) {
                for (int g = 0; g < SKUS; g++) {
                    lines.add(line(store, "069%011d".formatted(g), 1, "10.00"));
                }
            }
            sellThrough.publish(recorded(account, "day-" + day, 1, day, lines.toArray(RecordedLine[]::new)),
                    day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        }
        // one key, one partition: the last day applied means every day before it is
        api.awaitReview(account, review -> review.at("/sellThrough/lastDay").asString()
                .equals(first.plusDays(DAYS - 1).toString()));
        api.awaitCaughtUp();

        JsonNode live = api.review(account, "?year=2026");
        for (String read : List.of("first", "second")) {
            long started = System.nanoTime();
            JsonNode asOfNow = api.review(account, "?year=2026&asOf=" + io.kam.projection.ProjectionServiceTest.NOW);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(asOfNow).isEqualTo(live);
            assertThat(asOfNow.at("/plan/targets/0/actual").decimalValue()).isEqualByComparingTo("240000.00");
            log.info("{} as-of read of {} events ({} sell-through figures): {} ms over HTTP", read,
                    DAYS + STORES + 4, DAYS * STORES * SKUS, took.toMillis());
        }
    }
}
