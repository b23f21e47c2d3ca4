package io.kam.promotions.promotion;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.ServiceTest;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.evaluation.Evaluations;
import tools.jackson.databind.JsonNode;

/** What the service publishes has the shape of the contract's samples: one scenario emits every event type. */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Autowired
    PromotionCalendar calendar;
    @Autowired
    Evaluations evaluations;

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() {
        LocalDate from = LocalDate.now(MarketCalendar.ZONE).plusDays(30);
        LocalDate to = from.plusDays(3);
        Chain chain = aChain(Region.EAST, Region.EAST);
        nora.put("/api/promotions/funds", Map.of("accountId", chain.id(), "year", from.getYear(), "amount", "100000"), null);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), from, to)));
        String path = "/api/promotions/" + drafted.text("id");
        var changed = nate.put(path + "/terms", terms(List.of(chain.stores().get(0)), from, to.plusDays(1)), drafted.etag());
        var proposed = nora.post(path + "/proposal", null, changed.etag());
        var returned = anonymous.as(TestTokens.token("olga", Set.of("national-ka-manager"), null))
                .post(path + "/return", Map.of("reason", "fee above the rate card"), proposed.etag());
        var reproposed = nora.post(path + "/proposal", null, nora.put(path + "/terms", terms(List.of(chain.stores().get(0)),
                from, to), returned.etag()).etag());
        var approved = anonymous.as(TestTokens.token("olga", Set.of("national-ka-manager"), null))
                .post(path + "/approval", null, reproposed.etag());
        nora.post(path + "/agreement", Map.of("confirmedBy", "Wang Lei", "confirmedOn",
                LocalDate.now(MarketCalendar.ZONE).toString(), "reference", "PO-9"), approved.etag());
        calendar.advanceTo(to.plusDays(1));
        var other = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(1)), from, to)));
        nora.post("/api/promotions/" + other.text("id") + "/cancellation", Map.of("reason", "moved"), other.etag());
        nora.put("/api/promotions/product-costs/" + chain.id() + "/0" + MILK,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null);
        nora.put("/api/promotions/settings/" + chain.id(), Map.of("minimumGapDays", 14), null);
        nora.put(path + "/settlement", Map.of("fees", List.of(Map.of("kind", "DISPLAY_FEE", "amount", "1400.00"))),
                nora.get(path).etag());
        evaluations.runUntil(to.plusDays(15));
        String later = anAgreedPromotion(chain, List.of(chain.stores().get(1)), from.plusDays(30), to.plusDays(30));
        nate.post("/api/promotions/" + later + "/revisions", Map.of("reason", "one day longer", "terms",
                terms(List.of(chain.stores().get(1)), from.plusDays(30), to.plusDays(31))), nora.get("/api/promotions/"
                + later).etag());

        List<EventEnvelope> events = awaitEvents(chain.id(), e -> e.size() == 22);

        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(PromotionEvents.CATALOG.wireNames().stream()
                        .map(EventCatalog.WireName::type).toList());
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(EventSamples.json(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.source()).isEqualTo("/kam/promotions");
            assertThat(CODEC.payload(PromotionEvents.CATALOG, event).accountId().toString()).isEqualTo(event.subject());
        }
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }
}
