package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * What the service really publishes has the shape of the contract's samples, which every consumer tests against:
 * one scenario emits every event type of the catalog.
 */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() throws IOException {
        UUID account = open(aNationalHypermarketChain());
        String base = "/api/accounts/" + account;
        api.patch(base, Map.of("banner", "Yangtze Hyper & Fresh"), "\"0\"");
        String store = api.post(base + "/stores", AccountFixture.aStore("SH-PD-001", Region.EAST)).text("id");
        api.post(base + "/stores/" + store + "/closure", Map.of("reason", "Lease not renewed"));
        var contact = api.post(base + "/contacts", aBuyer());
        var changed = api.put(base + "/contacts/" + contact.text("id"), aBuyer(), contact.etag());
        api.delete(base + "/contacts/" + contact.text("id"), changed.etag());
        api.put(base + "/classification", Map.of("tier", "A", "role", "WHITE", "reason", "top volume"), "\"1\"");
        api.put(base + "/stage", Map.of("stage", "PRODUCT_USER", "evidence", "first order"), "\"2\"");
        relationshipRecords(base);
        aPlanThroughItsWholeLife(base);

        var events = awaitEvents(account, e -> e.size() >= 30);

        assertThat(events).hasSize(30);
        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(AccountEvents.CATALOG.wireNames().stream()
                        .map(EventCatalog.WireName::type).toList());
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(EventSamples.json(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.subject()).isEqualTo(account.toString());
            assertThat(event.source()).isEqualTo("/kam/accounts");
            assertThat(CODEC.payload(AccountEvents.CATALOG, event).accountId()).isEqualTo(account);
        }
    }

    /** A plan drafted, changed, given items, submitted, returned, approved by another manager, and progressed. */
    private void aPlanThroughItsWholeLife(String base) {
        Api nate = anonymous.as(TestTokens.nate());
        String v1 = base + "/plans/2027/versions/1";
        api.post(base + "/plans", PlanFixture.aPlanFor(2027));
        var changed = api.put(v1 + "/targets", PlanFixture.targets(12_600_000), "\"0\"");
        var added = api.post(v1 + "/actions", PlanFixture.anItem("EAST"));
        Map<String, Object> reworded = new java.util.HashMap<>(PlanFixture.anItem("EAST"));
        reworded.put("what", "Train every East promoter on the yoghurt range by the end of January");
        var edited = api.put(added.headers().getLocation().getPath(), reworded, added.etag());
        String firstItem = api.get(v1).body().at("/actionItems/0/itemId").asString();
        api.delete(v1 + "/actions/" + firstItem, "\"0\"");
        var submitted = api.post(v1 + "/submit", null, api.get(v1).etag());
        var returned = nate.post(v1 + "/return", Map.of("comment", "more in Q1"), submitted.etag());
        var resubmitted = api.post(v1 + "/submit", null, returned.etag());
        nate.post(v1 + "/approve", null, resubmitted.etag());
        api.post(base + "/plans/2027/actions/" + added.text("itemId") + "/progress", Map.of("status", "DONE"));
        assertThat(List.of(changed.status(), edited.status())).containsOnly(200);
    }

    /** SWOT, heat, wall and important dates: one event of each type. */
    private void relationshipRecords(String base) {
        var buyer = api.post(base + "/contacts", aBuyer());
        var weakness = api.post(base + "/swot/points",
                new SwotPointDetails(SwotKind.WEAKNESS, "Little chiller space", null, null));
        api.post(base + "/swot/points", new SwotPointDetails(SwotKind.KEY_POINT, "Win the chiller", "before spring",
                List.of(UUID.fromString(weakness.text("id")))));
        var changed = api.put(base + "/swot/points/" + weakness.text("id"), new SwotPointDetails(SwotKind.WEAKNESS,
                "Two chiller doors", "the competitor has four", null), weakness.etag());
        var threat = api.post(base + "/swot/points", new SwotPointDetails(SwotKind.THREAT, "Relaunch", null, null));
        api.delete(base + "/swot/points/" + threat.text("id"), threat.etag());
        api.post(base + "/heat", HeatApiTest.assessment(16, 15, 9, 17, 14));
        api.put(base + "/wall/MARKETING/DIRECTOR", new WallCellDetails(1, LocalDate.of(2026, 6, 3), "met once"), "*");
        var birthday = api.post(base + "/dates", new ImportantDateDetails(ImportantDateType.BIRTHDAY,
                LocalDate.of(1981, 12, 9), UUID.fromString(buyer.text("id")), null, "Likes green tea"));
        var date = api.put(base + "/dates/" + birthday.text("id"), new ImportantDateDetails(ImportantDateType.BIRTHDAY,
                LocalDate.of(1981, 12, 9), UUID.fromString(buyer.text("id")), null, "Likes oolong"), birthday.etag());
        api.delete(base + "/dates/" + birthday.text("id"), date.etag());
        assertThat(changed.status()).isEqualTo(200);
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }
}
