package io.kam.visits.visit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.Checkpoint;
import io.kam.visits.api.MustDiscuss;
import io.kam.visits.api.MustGo;
import io.kam.visits.api.VisitOutcome;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A visit's log: each of the three must-discuss points (三必谈) and three must-go places (三必到) as a note, or as the
 * reason it did not apply ({@code …Na}); the outcome; the next visit it planned.
 */
@MappedEntity("visit_log")
record VisitLog(@Id UUID visitId, String loggedBy, Instant loggedAt, boolean late, @Nullable String lateReason,
                @Nullable String salesStatusNote, @Nullable String salesStatusNa,
                @Nullable String marketNote, @Nullable String marketNa,
                @Nullable String problemsNote, @Nullable String problemsNa,
                @Nullable String shelfNote, @Nullable String shelfNa,
                @Nullable String tradeFlowNote, @Nullable String tradeFlowNa,
                @Nullable String trainingNote, @Nullable String trainingNa,
                VisitOutcome outcome, @Nullable String outcomeNote, @Nullable UUID nextVisitId) {

    static VisitLog of(UUID visitId, String loggedBy, Instant at, boolean late, @Nullable String lateReason,
                       MustDiscuss d, MustGo g, VisitOutcome outcome, @Nullable String outcomeNote,
                       @Nullable UUID nextVisitId) {
        return new VisitLog(visitId, loggedBy, at, late, late ? lateReason.strip() : null,
                note(d.salesStatus()), na(d.salesStatus()), note(d.marketAndCompetitors()), na(d.marketAndCompetitors()),
                note(d.problemsAndSolutions()), na(d.problemsAndSolutions()), note(g.shelf()), na(g.shelf()),
                note(g.tradeFlow()), na(g.tradeFlow()), note(g.staffTraining()), na(g.staffTraining()), outcome,
                VisitPreparation.blankToNull(outcomeNote), nextVisitId);
    }

    MustDiscuss discussed() {
        return new MustDiscuss(new Checkpoint(salesStatusNote, salesStatusNa), new Checkpoint(marketNote, marketNa),
                new Checkpoint(problemsNote, problemsNa));
    }

    MustGo wentTo() {
        return new MustGo(new Checkpoint(shelfNote, shelfNa), new Checkpoint(tradeFlowNote, tradeFlowNa),
                new Checkpoint(trainingNote, trainingNa));
    }

    private static @Nullable String note(Checkpoint point) {
        return point.skipped() ? null : point.note().strip();
    }

    private static @Nullable String na(Checkpoint point) {
        return point.skipped() ? point.notApplicableReason().strip() : null;
    }
}
