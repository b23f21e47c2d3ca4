package io.kam.promotions.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.EventEnvelope;
import io.kam.promotions.PromotionFixture;
import io.kam.promotions.ServiceTest;

/** The calendar runs an agreed promotion when its in-store period begins and ends it when the period is over. */
class PromotionCalendarTest extends ServiceTest {

    @Autowired
    PromotionCalendar calendar;

    @Test
    void anAgreedPromotionRunsFromItsFirstDayAndEndsTheDayAfterItsLast() {
        LocalDate from = LocalDate.now(MarketCalendar.ZONE).plusDays(20);
        LocalDate to = from.plusDays(6);
        Chain chain = aChain(Region.EAST);
        String id = anAgreedPromotion(chain, chain.stores(), from, to);

        calendar.advanceTo(from.minusDays(1));
        assertThat(nora.get("/api/promotions/" + id).text("status")).as("the day before").isEqualTo("AGREED");
        calendar.advanceTo(from);
        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("RUNNING");
        calendar.advanceTo(to);
        assertThat(nora.get("/api/promotions/" + id).text("status")).as("its last day").isEqualTo("RUNNING");
        calendar.advanceTo(to.plusDays(1));
        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("ENDED");
        calendar.advanceTo(to.plusDays(2));

        var events = awaitEvents(chain.id(), e -> e.size() >= 6);
        assertThat(types(events)).endsWith("kam.promotion.started", "kam.promotion.ended").hasSize(6);
        assertThat(events.get(4).actor()).isEqualTo(PromotionCalendar.ACTOR);
        assertThat(events.get(4).data().path("on").asString()).isEqualTo(from.toString());
        assertThat(events.get(5).data().path("on").asString()).isEqualTo(to.plusDays(1).toString());
    }

    @Test
    void anAgreedPromotionWhosePeriodPassedWhileNothingRanStartsAndEndsAtOnce() {
        LocalDate from = LocalDate.now(MarketCalendar.ZONE).plusDays(10);
        LocalDate to = from.plusDays(2);
        Chain chain = aChain(Region.EAST);
        String id = anAgreedPromotion(chain, chain.stores(), from, to);

        calendar.advanceTo(to.plusDays(5));

        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("ENDED");
        assertThat(types(awaitEvents(chain.id(), e -> e.size() >= 6))).endsWith("kam.promotion.started",
                "kam.promotion.ended");
    }

    @Test
    void aPromotionAgreedOnceItsPeriodHasBegunRunsAtOnceAndOneRecordedAfterItsEndEndsAtOnce() {
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        Chain chain = aChain(Region.EAST, Region.EAST);

        String begun = anAgreedPromotion(chain, List.of(chain.stores().get(0)), today.minusDays(1), today.plusDays(5));
        var past = nora.post("/api/promotions", PromotionFixture.draft(chain.id(), PromotionFixture.terms(
                List.of(chain.stores().get(1)), today.minusDays(20), today.minusDays(14))));
        String id = past.text("id");
        var proposed = nora.post("/api/promotions/" + id + "/proposal", null, past.etag());
        var approved = nate.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        var recorded = nora.post("/api/promotions/" + id + "/agreement", Map.of("confirmedBy", "Wang Lei",
                "confirmedOn", today.minusDays(25).toString(), "reference", "PO-paper"), approved.etag());

        assertThat(nora.get("/api/promotions/" + begun).text("status")).isEqualTo("RUNNING");
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        assertThat(recorded.text("status")).as("recorded after the fact").isEqualTo("ENDED");
        var events = awaitEvents(chain.id(), e -> types(e).stream().filter("kam.promotion.ended"::equals).count() == 1
                && types(e).stream().filter("kam.promotion.started"::equals).count() == 2);
        assertThat(events.stream().filter(e -> e.type().equals("kam.promotion.started")).map(EventEnvelope::actor))
                .containsOnly(PromotionCalendar.ACTOR);
    }
}
