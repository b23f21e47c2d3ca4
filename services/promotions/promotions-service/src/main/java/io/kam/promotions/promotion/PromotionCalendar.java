package io.kam.promotions.promotion;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;

/**
 * Runs and ends promotions by the market's calendar: every day shortly after midnight in Asia/Shanghai
 * ({@code kam.promotions.calendar-cron}), and once when the service is ready, so that days it was down are caught up.
 * Each promotion moves in a transaction of its own. {@link #advanceTo} is public for the other features of this
 * service and their tests, which take a promotion through its period.
 */
@Component
public class PromotionCalendar {

    /** The actor of the events the calendar causes. */
    static final String ACTOR = "promotions";
    private static final Logger log = LoggerFactory.getLogger(PromotionCalendar.class);

    private final PromotionStore store;
    private final Promotions promotions;
    private final MarketCalendar calendar;

    PromotionCalendar(PromotionStore store, Promotions promotions, MarketCalendar calendar) {
        this.store = store;
        this.promotions = promotions;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${kam.promotions.calendar-cron}", zone = MarketCalendar.ZONE_NAME)
    @EventListener(ApplicationReadyEvent.class)
    void today() {
        advanceTo(calendar.today());
    }

    /** Moves every promotion due by this day; returns the events caused. */
    public List<PromotionEvent> advanceTo(LocalDate day) {
        List<PromotionEvent> caused = store.dueOn(day).stream()
                .flatMap(id -> promotions.advance(id, day, ACTOR).stream()).toList();
        if (!caused.isEmpty()) {
            log.info("The calendar of {} started or ended {} promotion(s)", day, caused.size());
        }
        return caused;
    }
}
