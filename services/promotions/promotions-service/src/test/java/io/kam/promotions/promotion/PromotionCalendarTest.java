package io.kam.promotions.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
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
}
