package io.kam.projection.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.projection.ProspectFixture;
import io.kam.projection.ReviewsTest;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import tools.jackson.databind.JsonNode;

/**
 * Kafka delivers at least once, and a producer may publish an event again under a new id: the pipeline and the
 * origin must come out the same however often a prospect event arrives.
 */
class ProspectRedeliveryTest extends ReviewsTest {

    private static final String SEPTEMBER_2017 = "?from=2017-09-01&to=2017-09-30";

    @Test
    void redeliveredAndRepublishedProspectEventsCountOnce() {
        Instant t0 = Instant.parse("2017-09-04T02:00:00Z");
        ProspectFixture won = ProspectFixture.aProspect("Redelivered Won", Region.CENTRE, ProspectSource.MAIL);
        ProspectFixture lost = ProspectFixture.aProspect("Redelivered Lost", Region.CENTRE, ProspectSource.MAIL);
        List<ProspectEvent> events = List.of(
                won.identified(t0),
                won.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, t0.plusSeconds(86_400)),
                won.moved(ProspectStage.SCREENED, ProspectStage.DEVELOPING, t0.plusSeconds(3 * 86_400)),
                won.converted(ProspectStage.DEVELOPING, t0.plusSeconds(7 * 86_400)),
                lost.identified(t0.plusSeconds(3600)),
                lost.dropped(ProspectStage.IDENTIFIED, t0.plusSeconds(2 * 86_400)));
        List<EventEnvelope> sent = events.stream().map(prospects::publish).toList();
        topic.publish(won.accountOpened());
        api.awaitCaughtUp();
        String pipeline = api.pipelineJson(SEPTEMBER_2017);
        JsonNode origin = api.review(won.accountId(), "").get("origin");
        assertThat(api.parse(pipeline).get("prospects").asLong()).isEqualTo(2);

        sent.forEach(prospects::publish);
        events.forEach(prospects::publish);
        api.awaitCaughtUp();

        assertThat(api.pipelineJson(SEPTEMBER_2017)).isEqualTo(pipeline);
        JsonNode after = api.parse(pipeline);
        assertThat(after.at("/byStage/CONVERTED").asLong()).isEqualTo(1);
        assertThat(after.at("/byStage/DROPPED").asLong()).isEqualTo(1);
        assertThat(after.at("/timeInStage/IDENTIFIED/left").asLong()).as("each stay once").isEqualTo(2);
        assertThat(after.at("/timeInStage/SCREENED/averageDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(api.review(won.accountId(), "").get("origin")).isEqualTo(origin);
    }

    @Test
    void aStageChangeArrivingLateStillEndsAndStartsTheRightStays() {
        Instant t0 = Instant.parse("2017-11-20T02:00:00Z");
        ProspectFixture late = ProspectFixture.aProspect("Late Arrival", Region.CENTRE, ProspectSource.ASSISTANT);
        prospects.publish(late.identified(t0));
        prospects.publish(late.moved(ProspectStage.SCREENED, ProspectStage.DEVELOPING, t0.plusSeconds(4 * 86_400)));
        prospects.publish(late.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, t0.plusSeconds(86_400)));
        api.awaitCaughtUp();

        JsonNode pipeline = api.pipeline("?from=2017-11-20&to=2017-11-20");
        assertThat(pipeline.at("/byStage/DEVELOPING").asLong()).isEqualTo(1);
        assertThat(pipeline.at("/timeInStage/IDENTIFIED/averageDays").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(pipeline.at("/timeInStage/SCREENED/averageDays").decimalValue()).isEqualByComparingTo("3.0");
        assertThat(pipeline.at("/timeInStage/DEVELOPING/current").asLong()).isEqualTo(1);
    }
}
