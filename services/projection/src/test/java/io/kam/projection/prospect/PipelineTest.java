package io.kam.projection.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsTest;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline counts prospects by stage, region and source, tells the conversion rate of those closed, and how long
 * prospects stay in each stage, over the prospects identified in the days asked (in Shanghai).
 */
class PipelineTest extends ReviewsTest {

    private static final YearMonth MARCH_2019 = YearMonth.of(2019, 3);

    @Test
    void countsRatesAndTimeInStageOverTheMonthsProspects() {
        PipelineScenario s = PipelineScenario.publish(prospects, MARCH_2019);
        api.awaitCaughtUp();

        JsonNode pipeline = api.pipeline("?" + s.range());

        assertThat(pipeline.get("from").asString()).isEqualTo("2019-03-01");
        assertThat(pipeline.get("to").asString()).isEqualTo("2019-03-31");
        assertThat(pipeline.get("region").isNull()).isTrue();
        assertThat(pipeline.get("prospects").asLong()).as("the next month's prospect is left out").isEqualTo(5);
        assertThat(counts(pipeline.get("byStage"))).isEqualTo(Map.of("IDENTIFIED", 1L, "SCREENED", 0L,
                "DEVELOPING", 1L, "CONVERTED", 1L, "DROPPED", 2L));
        assertThat(counts(pipeline.get("byRegion"))).isEqualTo(Map.of("EAST", 2L, "SOUTH", 2L, "NORTH", 1L,
                "NORTHEAST", 0L, "CENTRE", 0L, "WEST", 0L, "SOUTHEAST", 0L));
        assertThat(counts(pipeline.get("bySource"))).hasSize(ProspectSource.values().length)
                .containsEntry("PHONE", 3L).containsEntry("REFERRAL", 1L).containsEntry("ADVERTISING", 1L)
                .containsEntry("AGENT", 0L);
        assertThat(counts(pipeline.get("bySource")).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);

        assertConversion(pipeline.get("conversion"), 1, 2, "0.333");
        assertConversion(pipeline.at("/conversionByRegion/EAST"), 1, 1, "0.500");
        assertConversion(pipeline.at("/conversionByRegion/NORTH"), 0, 1, "0.000");
        assertConversion(pipeline.at("/conversionByRegion/SOUTH"), 0, 0, null);
        assertConversion(pipeline.at("/conversionByRegion/WEST"), 0, 0, null);
        assertThat(pipeline.get("conversionByRegion")).hasSize(Region.values().length);
        assertConversion(pipeline.at("/conversionBySource/PHONE"), 1, 1, "0.500");
        assertConversion(pipeline.at("/conversionBySource/REFERRAL"), 0, 1, "0.000");
        assertConversion(pipeline.at("/conversionBySource/ADVERTISING"), 0, 0, null);
        assertThat(pipeline.get("conversionBySource")).hasSize(ProspectSource.values().length);

        JsonNode time = pipeline.get("timeInStage");
        assertThat(time).hasSize(ProspectStage.values().length);
        assertStage(time.get("IDENTIFIED"), 4, "2.1", "1.8", 1, age(s.day(1, 0).minusSeconds(7 * 3600)));
        assertStage(time.get("SCREENED"), 3, "3.0", "3.0", 0, null);
        assertStage(time.get("DEVELOPING"), 1, "10.0", "10.0", 1, age(s.day(9, 2)));
        assertStage(time.get("CONVERTED"), 0, null, null, 1, age(s.day(17, 2)));
        assertStage(time.get("DROPPED"), 0, null, null, 2, age(s.day(8, 2), s.day(12, 14)));
    }

    @Test
    void filtersByRegionAndByTheDayProspectsWereIdentifiedInShanghai() {
        PipelineScenario s = PipelineScenario.publish(prospects, MARCH_2019.plusMonths(2));
        api.awaitCaughtUp();

        JsonNode east = api.pipeline("?region=EAST&" + s.range());
        assertThat(east.get("region").asString()).isEqualTo("EAST");
        assertThat(east.get("prospects").asLong()).isEqualTo(2);
        assertThat(counts(east.get("byRegion"))).containsEntry("EAST", 2L).containsEntry("SOUTH", 0L);
        assertConversion(east.get("conversion"), 1, 1, "0.500");
        assertStage(east.at("/timeInStage/IDENTIFIED"), 2, "3.0", "3.0", 0, null);

        String firstDay = s.month().atDay(1).toString();
        JsonNode firstDayInShanghai = api.pipeline("?from=" + firstDay + "&to=" + firstDay);
        assertThat(firstDayInShanghai.get("prospects").asLong())
                .as("the one identified at 02:00 UTC and the one identified the evening before in UTC").isEqualTo(2);

        String nextMonth = s.month().plusMonths(1).atDay(1).toString();
        JsonNode spilled = api.pipeline("?from=" + nextMonth + "&to=" + nextMonth);
        assertThat(spilled.get("prospects").asLong()).isEqualTo(1);
        assertThat(counts(spilled.get("byStage"))).containsEntry("IDENTIFIED", 1L);
        assertThat(spilled.get("conversion").get("rate").isNull()).as("none closed").isTrue();
    }

    @Test
    void aProspectRevisedIntoAnotherRegionCountsThereOnly() {
        YearMonth month = MARCH_2019.plusMonths(4);
        var prospect = io.kam.projection.ProspectFixture.aProspect("Moved Mart", Region.EAST, ProspectSource.AGENT);
        Instant identified = month.atDay(3).atTime(2, 0).toInstant(java.time.ZoneOffset.UTC);
        prospects.publish(prospect.identified(identified));
        prospects.publish(prospect.movedTo(Region.WEST, identified.plusSeconds(3600)));
        api.awaitCaughtUp();

        JsonNode pipeline = api.pipeline("?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
        assertThat(counts(pipeline.get("byRegion"))).containsEntry("WEST", 1L).containsEntry("EAST", 0L);
    }

    static Map<String, Long> counts(JsonNode counts) {
        return counts.propertyStream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().asLong()));
    }

    static void assertConversion(JsonNode conversion, long converted, long dropped, String rate) {
        assertThat(conversion.get("converted").asLong()).as("converted in %s", conversion).isEqualTo(converted);
        assertThat(conversion.get("dropped").asLong()).as("dropped in %s", conversion).isEqualTo(dropped);
        if (rate == null) {
            assertThat(conversion.get("rate").isNull()).as("rate in %s", conversion).isTrue();
        } else {
            assertThat(conversion.get("rate").decimalValue()).as("rate in %s", conversion).isEqualByComparingTo(rate);
        }
    }

    static void assertStage(JsonNode stage, long left, String average, String median, long current, BigDecimal age) {
        assertThat(stage.get("left").asLong()).as("left in %s", stage).isEqualTo(left);
        assertDays(stage.get("averageDays"), average == null ? null : new BigDecimal(average), stage);
        assertDays(stage.get("medianDays"), median == null ? null : new BigDecimal(median), stage);
        assertThat(stage.get("current").asLong()).as("current in %s", stage).isEqualTo(current);
        assertDays(stage.get("averageAgeDays"), age, stage);
    }

    private static void assertDays(JsonNode days, BigDecimal expected, JsonNode stage) {
        if (expected == null) {
            assertThat(days.isNull()).as("null in %s", stage).isTrue();
        } else {
            assertThat(days.decimalValue()).as("days in %s", stage).isEqualByComparingTo(expected);
        }
    }

    /** The average number of days from these instants until the service's "now", to one decimal. */
    static BigDecimal age(Instant... since) {
        BigDecimal seconds = List.of(since).stream()
                .map(at -> BigDecimal.valueOf(Duration.between(at, ProjectionServiceTest.NOW).toSeconds()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return seconds.divide(BigDecimal.valueOf(86_400L * since.length), 10, RoundingMode.HALF_UP)
                .setScale(1, RoundingMode.HALF_UP);
    }
}
