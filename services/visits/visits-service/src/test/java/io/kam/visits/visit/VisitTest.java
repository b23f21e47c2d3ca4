package io.kam.visits.visit;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.api.VisitType;

/** The visit aggregate: given a visit, when it is logged, missed, moved or cancelled, then this. */
class VisitTest {

    private static final Duration WINDOW = Duration.ofHours(48);
    /** Wednesday 6 March 2030, trading hours: 10:00 in Shanghai is 02:00 UTC. */
    private static final LocalDate DUE = LocalDate.of(2030, 3, 6);
    private static final Instant PLANNED_AT = Instant.parse("2030-03-06T02:00:00Z");

    private final Visit visit = Visit.scheduled(UUID.randomUUID(), UUID.randomUUID(), Region.EAST, "eric", DUE, WINDOW,
            Instant.parse("2030-03-04T02:00:00Z")).visit();

    @Test
    void givenAScheduledVisit_thenItsLogIsDue48HoursAfterItsPlannedTime() {
        assertThat(visit.logDeadline()).isEqualTo(PLANNED_AT.plus(WINDOW));
        assertThat(visit.slot()).isEqualTo(TimeSlot.TRADING_HOURS);
        assertThat(visit.type()).isEqualTo(VisitType.MAINTENANCE);
    }

    @Test
    void givenAVisit_whenLoggedWithinTheWindow_thenItIsCompletedOnTime() {
        Visit done = visit.complete(null, DUE.plusDays(2), PLANNED_AT.plus(WINDOW));

        assertThat(done.status()).isEqualTo(VisitStatus.COMPLETED);
        assertThat(done.late()).isFalse();
    }

    @Test
    void givenAVisit_whenLoggedAfterTheWindowWithoutAReason_thenTheReasonIsRequired() {
        assertThat(rejectionOf(() -> visit.complete("  ", DUE.plusDays(2), PLANNED_AT.plus(WINDOW).plusSeconds(1))))
                .isInstanceOfSatisfying(Rejection.Invalid.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("lateReason"));
    }

    @Test
    void givenAVisit_whenLoggedAfterTheWindowWithAReason_thenItIsCompletedLate() {
        Visit done = visit.complete("Typhoon closed the road", DUE.plusDays(3), PLANNED_AT.plus(Duration.ofHours(60)));

        assertThat(done.status()).isEqualTo(VisitStatus.COMPLETED);
        assertThat(done.late()).isTrue();
    }

    @Test
    void givenAVisitPastItsDeadline_whenTheSweepComes_thenItIsMissed_andALateLogStillCompletesIt() {
        var missed = visit.miss(PLANNED_AT.plus(WINDOW).plusSeconds(1));

        assertThat(missed.visit().status()).isEqualTo(VisitStatus.MISSED);
        assertThat(missed.event().logDeadline()).isEqualTo(visit.logDeadline());
        assertThat(missed.visit().complete("Logged from the hotel", DUE.plusDays(4), PLANNED_AT.plus(Duration.ofDays(4)))
                .late()).isTrue();
    }

    @Test
    void givenAVisitWithinItsWindow_whenTheSweepComes_thenItIsNotMissed() {
        assertThatThrownBy(() -> visit.miss(PLANNED_AT.plus(WINDOW))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAVisitPlannedForWednesday_whenLoggedOnMonday_thenItIsNotDueYet() {
        assertThat(rejectionOf(() -> visit.complete(null, DUE.minusDays(2), PLANNED_AT.minus(Duration.ofDays(2)))))
                .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> assertThat(e.code()).isEqualTo("visit-not-yet-due"));
    }

    @Test
    void givenALoggedOrCancelledVisit_whenLoggedAgain_thenItIsAConflict() {
        Visit done = visit.complete(null, DUE, PLANNED_AT);
        Visit cancelled = visit.cancel(CancellationReason.STORE_CLOSED).visit();

        assertThat(rejectionOf(() -> done.complete(null, DUE, PLANNED_AT))).isInstanceOfSatisfying(Rejection.Conflict.class,
                e -> assertThat(e.code()).isEqualTo("visit-already-logged"));
        assertThat(rejectionOf(() -> cancelled.complete(null, DUE, PLANNED_AT))).isInstanceOf(Rejection.Conflict.class);
    }

    @Test
    void givenAScheduledVisit_whenMovedWithinItsWeek_thenItsDeadlineMovesWithIt_butNotIntoAnotherWeek() {
        LocalDate friday = DUE.plusDays(2);

        Visit moved = visit.replan(VisitType.STORE_CHECK, VisitType.STORE_CHECK.defaultPurpose(), friday,
                TimeSlot.BEFORE_OPENING, DUE.minusDays(2), WINDOW);

        assertThat(moved.plannedDate()).isEqualTo(friday);
        assertThat(moved.dueDate()).as("the schedule's day stays").isEqualTo(DUE);
        assertThat(moved.logDeadline()).isEqualTo(Instant.parse("2030-03-07T23:30:00Z").plus(WINDOW));
        assertThat(rejectionOf(() -> visit.replan(VisitType.MAINTENANCE, VisitType.MAINTENANCE.defaultPurpose(),
                DUE.plusDays(5), TimeSlot.TRADING_HOURS, DUE.minusDays(2), WINDOW)))
                .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> assertThat(e.code()).isEqualTo("outside-due-week"));
    }

    @Test
    void givenACompletedVisit_whenCancelled_thenThatIsABug() {
        Visit done = visit.complete(null, DUE, PLANNED_AT);

        assertThatThrownBy(() -> done.cancel(CancellationReason.STORE_CLOSED)).isInstanceOf(IllegalStateException.class);
    }
}
