package io.kam.visits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.visits.planning.ExtendSchedule;
import io.kam.visits.visit.MarkMissedVisits;

/**
 * The service's timed work: the sweep that marks visits missed, every {@code kam.visits.jobs.missed-sweep-every}; the
 * nightly re-planning that moves the schedule's horizon on ({@code kam.visits.jobs.schedule-extension-cron}, market
 * time). Both run in every instance and are safe to run at once (row locks, skip locked). Off with
 * {@code kam.visits.jobs.enabled=false}, as in tests, which call the use cases against a clock they control.
 */
@Component
@EnableScheduling
@ConditionalOnBooleanProperty(name = "kam.visits.jobs.enabled", matchIfMissing = true)
class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final MarkMissedVisits markMissed;
    private final ExtendSchedule extendSchedule;

    Jobs(MarkMissedVisits markMissed, ExtendSchedule extendSchedule) {
        this.markMissed = markMissed;
        this.extendSchedule = extendSchedule;
    }

    @Scheduled(fixedDelayString = "${kam.visits.jobs.missed-sweep-every}", initialDelayString = "PT1M")
    void sweepMissed() {
        int missed = markMissed.sweep();
        if (missed > 0) {
            log.info("Marked {} visits missed", missed);
        }
    }

    @Scheduled(cron = "${kam.visits.jobs.schedule-extension-cron}", zone = MarketCalendar.ZONE_NAME)
    void extendSchedule() {
        log.info("Extended the schedule: {} visits planned", extendSchedule.extend());
    }
}
