package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.visits.visit.MarkMissedVisits;

/** The sweep marks visits not logged in time missed, by the service's clock, once; a late log still completes them. */
class MissedVisitsTest extends ServiceTest {

    @Autowired
    MarkMissedVisits sweep;

    @Test
    void aVisitWithoutALogFortyEightHoursAfterItsPlannedTimeIsMissedOnce_andALateLogWithAReasonStillCompletesIt() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);

        clock.advance(Duration.ofHours(48));
        sweep.sweep();
        assertThat(visit(planned.visit()).path("status").asString()).as("the window is still open").isEqualTo("PLANNED");

        clock.advance(Duration.ofSeconds(1));
        int first = sweep.sweep();
        int second = sweep.sweep();

        assertThat(visit(planned.visit()).path("status").asString()).isEqualTo("MISSED");
        assertThat(first).isPositive();
        assertThat(second).as("nothing is missed twice").isZero();
        var events = awaitEvents(planned.account(), e -> e.stream().anyMatch(v -> v.type().equals("kam.visit.missed")));
        EventEnvelope missed = events.stream().filter(e -> e.type().equals("kam.visit.missed")).findFirst().orElseThrow();
        assertThat(missed.data().path("visitId").asString()).isEqualTo(planned.visit());
        assertThat(missed.data().path("coordinator").asString()).isEqualTo("eric");
        assertThat(missed.actor()).isEqualTo("kam-visits");

        Map<String, Object> log = aLog();
        log.put("lateReason", "Logged from the hotel after two days without signal");
        String etag = nora.get("/api/visits/" + planned.visit()).etag();
        var late = eric.post("/api/visits/" + planned.visit() + "/log", log, etag);

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(late.body().at("/log/late").asBoolean()).isTrue();
    }

    @Test
    void aVisitLoggedInTimeIsNeverMissed() {
        Planned planned = aStoreVisitToday(Region.SOUTH, sofia);
        sofia.post("/api/visits/" + planned.visit() + "/log", aLog(), planned.etag());

        clock.advance(Duration.ofDays(5));
        sweep.sweep();

        assertThat(visit(planned.visit()).path("status").asString()).isEqualTo("COMPLETED");
    }
}
