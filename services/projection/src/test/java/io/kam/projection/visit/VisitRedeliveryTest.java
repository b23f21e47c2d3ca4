package io.kam.projection.visit;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.VisitFixture.completed;
import static io.kam.projection.VisitFixture.investigating;
import static io.kam.projection.VisitFixture.missed;
import static io.kam.projection.VisitFixture.movedTo;
import static io.kam.projection.VisitFixture.onShelf;
import static io.kam.projection.VisitFixture.offShelf;
import static io.kam.projection.VisitFixture.plannedAt;
import static io.kam.projection.VisitFixture.promised;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.projection.ReviewsTest;
import io.kam.projection.VisitFixture;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import tools.jackson.databind.JsonNode;

/**
 * Kafka delivers at least once, and a producer may publish an event again under a new id, even after later ones:
 * the execution figures must come out the same however often, and however late, a visits event arrives again.
 */
class VisitRedeliveryTest extends ReviewsTest {

    @Test
    void redeliveredAndRepublishedVisitsEventsCountOnce() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Redelivered Visits " + account));
        VisitFixture f = new VisitFixture(account);
        VisitPlanned done = f.scheduled(Region.CENTRE, LocalDate.of(2026, 12, 1));
        VisitPlanned moved = f.scheduled(Region.CENTRE, LocalDate.of(2026, 12, 9));
        VisitPlanned lost = f.scheduled(Region.CENTRE, LocalDate.of(2026, 12, 15));
        VisitPlanned sweptThenLogged = f.scheduled(Region.CENTRE, LocalDate.of(2026, 12, 22));
        ComplaintOpened complaint = f.complaint(Region.CENTRE, ComplaintType.DELIVERY);
        List<Sent> events = List.of(
                new Sent(done, plannedAt(done)),
                new Sent(completed(done, false), "2026-12-01T04:00:00Z"),
                new Sent(moved, plannedAt(moved)),
                new Sent(movedTo(moved, LocalDate.of(2026, 12, 10)), "2026-12-07T02:00:00Z"),
                new Sent(completed(moved, LocalDate.of(2026, 12, 10), true), "2026-12-13T02:00:00Z"),
                new Sent(lost, plannedAt(lost)),
                new Sent(missed(lost), "2026-12-17T02:15:00Z"),
                new Sent(sweptThenLogged, plannedAt(sweptThenLogged)),
                new Sent(missed(sweptThenLogged), "2026-12-24T02:15:00Z"),
                new Sent(completed(sweptThenLogged, true), "2026-12-24T05:00:00Z"),
                new Sent(f.check(Region.CENTRE, Instant.parse("2026-12-01T03:00:00Z"), "64.4",
                        onShelf("06901234567892", "12.00", "10.00", true), offShelf("06901234567908", "8.80")),
                        "2026-12-01T03:05:00Z"),
                new Sent(f.listed("06901234567892", "UHT Milk 1 L", "10.00"), "2026-01-05T02:00:00Z"),
                new Sent(complaint, "2026-12-02T02:00:00Z"),
                new Sent(investigating(complaint), "2026-12-03T02:00:00Z"),
                new Sent(promised(complaint, LocalDate.of(2026, 12, 20)), "2026-12-04T02:00:00Z"));
        List<EventEnvelope> envelopes = new ArrayList<>();
        events.forEach(sent -> envelopes.add(visits.publish(sent.event(), sent.at())));
        JsonNode before = api.awaitVisitsApplied(account, events.size());
        assertThat(before.at("/overall/coverage/due").asLong()).isEqualTo(4);

        envelopes.forEach(visits::publish);
        events.forEach(sent -> visits.publish(sent.event(), sent.at()));
        List<Sent> stale = List.of(new Sent(missed(sweptThenLogged), "2026-12-24T02:15:00Z"),
                new Sent(investigating(complaint), "2026-12-03T02:00:00Z"), new Sent(done, plannedAt(done)));
        stale.forEach(sent -> visits.publish(sent.event(), sent.at()));
        JsonNode after = api.awaitVisitsApplied(account, 2L * events.size() + stale.size());

        assertThat(after.get("overall")).as("the figures after every event came again").isEqualTo(before.get("overall"));
        assertThat(after.get("byRegion")).isEqualTo(before.get("byRegion"));
        JsonNode centre = after.at("/byRegion/CENTRE");
        assertThat(centre.at("/coverage/done").asLong()).as("a missed visit logged late stays done").isEqualTo(3);
        assertThat(centre.at("/coverage/doneLate").asLong()).isEqualTo(2);
        assertThat(centre.at("/coverage/missed").asLong()).isEqualTo(1);
        assertThat(centre.at("/compliance/checks").asLong()).isEqualTo(1);
        assertThat(centre.at("/stock/observations").asLong()).as("one check's two lines, once").isEqualTo(2);
        assertThat(centre.at("/prices/mostOftenOffPrice/0/offPrice").asLong()).isEqualTo(1);
        assertThat(centre.at("/complaints/byStatus/RESOLVED").asLong()).as("resolved stays resolved").isEqualTo(1);
        assertThat(centre.at("/complaints/overduePromises").asLong()).isEqualTo(1);
        assertThat(after.get("eventsApplied").asLong()).as("events published under new ids are new events")
                .isEqualTo(2L * events.size() + stale.size());
    }

    private record Sent(VisitEvent event, Instant at) {
        Sent(VisitEvent event, String at) {
            this(event, Instant.parse(at));
        }
    }
}
