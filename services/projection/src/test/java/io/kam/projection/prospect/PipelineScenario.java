package io.kam.projection.prospect;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProspectFixture;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;

/**
 * Six prospects of one month, with event times fixed to the hour, as tests of the pipeline see them (times in UTC;
 * the day a prospect was identified is its day in Shanghai, eight hours ahead):
 * <pre>
 * converted   EAST  PHONE        identified day 1, screened day 3, developing day 7, converted day 17
 * dropped     EAST  REFERRAL     identified day 2, screened day 6, dropped day 8
 * developing  SOUTH PHONE        identified day 5, screened day 6, developing day 9 (still)
 * fresh       SOUTH ADVERTISING  identified the evening before day 1 in UTC, day 1 in Shanghai (still identified)
 * quickDrop   NORTH PHONE        identified day 11 at 02:00, dropped day 12 at 14:00
 * nextMonth   EAST  PHONE        identified on the last evening of the month in UTC: next month in Shanghai
 * </pre>
 */
record PipelineScenario(YearMonth month, ProspectFixture converted, ProspectFixture dropped, ProspectFixture developing,
                        ProspectFixture fresh, ProspectFixture quickDrop, ProspectFixture nextMonth) {

    static PipelineScenario publish(TopicWriter<ProspectEvent> topic, YearMonth month) {
        PipelineScenario s = new PipelineScenario(month,
                ProspectFixture.aProspect("Converted " + month, Region.EAST, ProspectSource.PHONE),
                ProspectFixture.referredBy(java.util.UUID.randomUUID(), "Dropped " + month, Region.EAST),
                ProspectFixture.aProspect("Developing " + month, Region.SOUTH, ProspectSource.PHONE),
                ProspectFixture.aProspect("Fresh " + month, Region.SOUTH, ProspectSource.ADVERTISING),
                ProspectFixture.aProspect("Quick drop " + month, Region.NORTH, ProspectSource.PHONE),
                ProspectFixture.aProspect("Next month " + month, Region.EAST, ProspectSource.PHONE));

        topic.publish(s.converted.identified(s.day(1, 2)));
        topic.publish(s.converted.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, s.day(3, 2)));
        topic.publish(s.converted.moved(ProspectStage.SCREENED, ProspectStage.DEVELOPING, s.day(7, 2)));
        topic.publish(s.converted.converted(ProspectStage.DEVELOPING, s.day(17, 2)));

        topic.publish(s.dropped.identified(s.day(2, 2)));
        topic.publish(s.dropped.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, s.day(6, 2)));
        topic.publish(s.dropped.dropped(ProspectStage.SCREENED, s.day(8, 2)));

        topic.publish(s.developing.identified(s.day(5, 2)));
        topic.publish(s.developing.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, s.day(6, 2)));
        topic.publish(s.developing.moved(ProspectStage.SCREENED, ProspectStage.DEVELOPING, s.day(9, 2)));

        topic.publish(s.fresh.identified(s.day(1, 0).minusSeconds(7 * 3600)));

        topic.publish(s.quickDrop.identified(s.day(11, 2)));
        topic.publish(s.quickDrop.dropped(ProspectStage.IDENTIFIED, s.day(12, 14)));

        topic.publish(s.nextMonth.identified(s.month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .minusSeconds(7 * 3600 + 1800)));
        return s;
    }

    /** The query of this month's prospects, by the day they were identified in Shanghai. */
    String range() {
        return "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
    }

    /** That day of the month at that hour, UTC. */
    Instant day(int day, int hour) {
        return month.atDay(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
