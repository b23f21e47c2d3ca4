package io.kam.projection.visit;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.ReviewsApi;
import io.kam.projection.ReviewsTest;
import io.kam.projection.VisitFixture;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.VisitEvents;
import tools.jackson.databind.node.ObjectNode;

/**
 * A visits event the projection cannot read, or one that names no region where the contract promises one, is set
 * aside on kam.visits.v1.dlt with the reason, and later events still apply.
 */
class VisitDeadLetterTest extends ReviewsTest {

    @Test
    void unknownAndRegionlessEventsGoToTheDeadLetterTopicAndLaterEventsStillApply() {
        EventCodec codec = new EventCodec();
        UUID account = UUID.randomUUID();
        String key = account.toString();
        topic.publish(aNationalHypermarketChain(account, "After The Poison Visit " + account));
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/visits", "1.0", "kam.visit.teleported",
                key, Instant.now(), null, 1, "tester", codec.tree("{}"));
        VisitFixture f = new VisitFixture(account);
        EventEnvelope complaint = codec.wrap(VisitEvents.CATALOG, f.complaint(Region.WEST, ComplaintType.SERVICE),
                "tester", Instant.parse("2026-12-01T02:00:00Z"));
        ((ObjectNode) complaint.data()).putNull("region");

        visits.publish(key, codec.encode(unknown));
        visits.publish(complaint);
        visits.publish(f.complaint(Region.WEST, ComplaintType.DELIVERY), Instant.parse("2026-12-02T02:00:00Z"));

        var dead = Awaitility.await("both dead letters").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(VisitEvents.TOPIC + ".dlt").stream()
                        .filter(r -> key.equals(r.key())).toList(), found -> found.size() == 2);
        assertThat(TopicReader.header(dead.get(0), DeadLetters.REASON_HEADER))
                .contains("unknown event type kam.visit.teleported v1");
        assertThat(dead.get(0).value()).isEqualTo(codec.encode(unknown));
        assertThat(TopicReader.header(dead.get(1), DeadLetters.REASON_HEADER))
                .contains("kam.complaint.opened " + complaint.id() + " names no region");
        assertThat(dead.get(1).value()).isEqualTo(codec.encode(complaint));
        var execution = api.awaitVisitsApplied(account, 1);
        assertThat(execution.at("/byRegion/WEST/complaints/openByType/DELIVERY").asLong()).isEqualTo(1);
        assertThat(execution.at("/overall/complaints/open").asLong()).as("the region-less one is not counted").isEqualTo(1);
    }
}
