package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.api.Mechanic;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.visit.MarkMissedVisits;
import tools.jackson.databind.JsonNode;

/**
 * What the service really publishes has the shape of the contract's samples, which every consumer tests against: one
 * account's story emits every event type of the catalog, each keyed by the account and naming its region.
 */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Autowired
    MarkMissedVisits sweep;

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() throws IOException {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        UUID account = planned.account();
        String base = "/api/visits/accounts/" + account;
        nora.put(base + "/commitment-policy", Map.of("allowed", List.of("POS_MATERIAL")), "*");
        nora.put(base + "/skus/6901234567892", Map.of("name", "UHT Milk 1 L", "agreedRetailPrice", "12.90"), "*");
        nora.put(base + "/skus/6901234567892", Map.of("name", "UHT Milk 1 L", "agreedRetailPrice", "13.50"), "\"0\"");
        nora.put(base + "/skus/96385074", Map.of("name", "Yoghurt 200 g", "agreedRetailPrice", "8.80"), "*");
        nora.delete(base + "/skus/96385074", "\"0\"");

        String visit = "/api/visits/" + planned.visit();
        var prepared = eric.put(visit + "/plan", Map.of("type", "STORE_CHECK", "objective", "Win back the end cap",
                "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS", "confirmedByPhone", true), planned.etag());
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(Map.of("type", "POS_MATERIAL", "description", "Two hanging flags"),
                Map.of("type", "DISPLAY_FEE", "description", "500 yuan for the end cap"),
                Map.of("type", "PRICE_DISCOUNT", "description", "5% off in April")));
        JsonNode logged = eric.post(visit + "/log", log, prepared.etag()).body();
        nate.post("/api/visits/commitments/" + logged.at("/commitments/1/id").asString() + "/approval", Map.of(), "\"0\"");
        nate.post("/api/visits/commitments/" + logged.at("/commitments/2/id").asString() + "/rejection",
                Map.of("reason", "for the negotiation"), "\"0\"");
        UUID promotion = promotions.anAgreedPromotion(account, PromotionsFixture.terms("Spring dairy week",
                List.of(Mechanic.PRICE_DISCOUNT, Mechanic.FEATURE_DISPLAY),
                List.of(PromotionsFixture.sku("06901234567892", "13.50", "11.90")), List.of(planned.store()), TODAY,
                TODAY.plusDays(6)));
        String check = eric.post(visit + "/store-check", Map.of(
                "skus", List.of(Map.of("gtin", "6901234567892", "onShelf", true, "shelfPrice", "13.90", "facings", 6,
                        "outOfStock", false)),
                "display", Map.of("secondaryDisplays", 1, "poster", true, "hangingFlag", false, "displayCabinet", true,
                        "promoterPresent", false),
                "promotions", List.of(Map.of("promotionId", promotion.toString(), "displayBuilt", true)))).text("id");
        aPhoto(check);

        complaints(planned);
        trips(planned);

        clock.advance(Duration.ofDays(4));
        sweep.sweep();
        eric.post("/api/visits", Map.of("region", "EAST", "storeId", planned.store().toString(), "type", "MAINTENANCE",
                "plannedDate", TODAY.plusDays(8).toString(), "slot", "TRADING_HOURS"));
        nora.put("/api/visits/regions/EAST/coordinator", Map.of("coordinator", "erica"), null);
        nora.put("/api/visits/regions/EAST/coordinator", Map.of("coordinator", "eric"), null);
        stores.closeStore(account, planned.store(), Region.EAST, TODAY.plusDays(4));

        Set<String> catalog = VisitEvents.CATALOG.wireNames().stream().map(EventCatalog.WireName::type)
                .collect(Collectors.toSet());
        var events = awaitEvents(account, e -> e.stream().map(EventEnvelope::type).collect(Collectors.toSet())
                .containsAll(catalog));
        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet())).isEqualTo(catalog);
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(EventSamples.json(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.subject()).isEqualTo(account.toString());
            assertThat(event.source()).isEqualTo("/kam/visits");
            assertThat(CODEC.payload(VisitEvents.CATALOG, event).accountId()).isEqualTo(account);
        }
    }

    private void complaints(Planned planned) {
        var opened = eric.post("/api/visits/complaints", Map.of("accountId", planned.account().toString(),
                "storeId", planned.store().toString(), "type", "PRODUCT_QUALITY", "description", "Leaking packs"));
        String complaint = "/api/visits/complaints/" + opened.text("id");
        var investigating = eric.post(complaint + "/investigation", Map.of("note", "Batch checked"), opened.etag());
        var resolved = eric.post(complaint + "/resolution", Map.of("resolution", "PROMISED_DATE",
                "description", "Replacements", "promisedDate", TODAY.plusDays(2).toString()), investigating.etag());
        eric.post(complaint + "/promise-kept", Map.of(), resolved.etag());
        var withdrawn = eric.post("/api/visits/complaints", Map.of("accountId", planned.account().toString(),
                "storeId", planned.store().toString(), "type", "PRICE_TOO_HIGH", "description", "Too dear"));
        eric.post("/api/visits/complaints/" + withdrawn.text("id") + "/closure", Map.of("reason", "Withdrawn"),
                withdrawn.etag());
    }

    private void trips(Planned planned) {
        String v2 = tomorrow(planned);
        String v3 = tomorrow(planned);
        var proposed = eric.post("/api/visits/trips", Map.of("title", "Hangzhou", "startDate", TODAY.plusDays(1).toString(),
                "endDate", TODAY.plusDays(1).toString(), "visitIds", List.of(v2)));
        var agreed = nora.post("/api/visits/trips/" + proposed.text("id") + "/agreement", null, proposed.etag());
        var other = eric.post("/api/visits/trips", Map.of("title", "Ningbo", "startDate", TODAY.plusDays(1).toString(),
                "endDate", TODAY.plusDays(1).toString(), "visitIds", List.of(v3)));
        nora.post("/api/visits/trips/" + other.text("id") + "/return", Map.of("comment", "Too short"), other.etag());
        clock.advance(Duration.ofDays(1));
        String trip = "/api/visits/trips/" + proposed.text("id");
        eric.post(trip + "/daily-summaries", Map.of("date", TODAY.plusDays(1).toString(), "summary", "One store"));
        eric.post(trip + "/report", Map.of("goals", "End caps kept", "findings", List.of(Map.of("visitId", v2,
                "problem", "Out of stock", "solution", "Order twice a week"))), agreed.etag());
    }

    private String tomorrow(Planned planned) {
        return eric.post("/api/visits", Map.of("region", "EAST", "storeId", planned.store().toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.plusDays(1).toString(), "slot", "TRADING_HOURS")).text("id");
    }

    private void aPhoto(String check) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        parts.part("file", new ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "shelf.jpg";
            }
        });
        RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(TestTokens.eric()))
                .build().post().uri("/api/visits/store-checks/" + check + "/photos")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toBodilessEntity();
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }
}
