package io.kam.visits.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.platform.domain.FieldError;
import io.kam.visits.api.Checkpoint;
import io.kam.visits.api.FollowUp;
import io.kam.visits.api.LimitUnit;
import io.kam.visits.api.MustDiscuss;
import io.kam.visits.api.MustGo;
import io.kam.visits.api.VisitRequests.CommitmentMade;
import io.kam.visits.api.VisitRequests.LogVisit;

/**
 * What a log must hold before anything is written: each of the three must-discuss points (三必谈) and three must-go
 * places (三必到) either recorded with a note or marked not applicable with a reason, never both and never neither; a
 * next appointment on a later day; follow-ups not due in the past; a commitment's amount only in the unit of its type.
 */
final class LogContent {

    private static final Map<LimitUnit, String> FIELDS = Map.of(LimitUnit.PERCENT, "discountPercent",
            LimitUnit.YUAN, "amount", LimitUnit.UNITS, "units");

    private LogContent() {
    }

    static List<FieldError> problems(LogVisit log, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        MustDiscuss discussed = log.discussed();
        check(errors, "discussed.salesStatus", discussed == null ? null : discussed.salesStatus());
        check(errors, "discussed.marketAndCompetitors", discussed == null ? null : discussed.marketAndCompetitors());
        check(errors, "discussed.problemsAndSolutions", discussed == null ? null : discussed.problemsAndSolutions());
        MustGo wentTo = log.wentTo();
        check(errors, "wentTo.shelf", wentTo == null ? null : wentTo.shelf());
        check(errors, "wentTo.tradeFlow", wentTo == null ? null : wentTo.tradeFlow());
        check(errors, "wentTo.staffTraining", wentTo == null ? null : wentTo.staffTraining());
        if (log.nextAppointment() != null && !log.nextAppointment().date().isAfter(today)) {
            errors.add(new FieldError("nextAppointment.date", "must be after today (" + today + ") in the market"));
        }
        var followUps = log.followUps() == null ? List.<FollowUp>of() : log.followUps();
        for (int i = 0; i < followUps.size(); i++) {
            if (followUps.get(i).due().isBefore(today)) {
                errors.add(new FieldError("followUps[" + i + "].due", "must not be before today (" + today + ")"));
            }
        }
        var commitments = log.commitments() == null ? List.<CommitmentMade>of() : log.commitments();
        for (int i = 0; i < commitments.size(); i++) {
            amount(errors, "commitments[" + i + "]", commitments.get(i));
        }
        return errors;
    }

    /** At most one amount, and only the one in the unit of the commitment's type. */
    private static void amount(List<FieldError> errors, String path, @Nullable CommitmentMade made) {
        if (made == null || made.type() == null) {
            return;
        }
        Map<LimitUnit, String> given = new EnumMap<>(LimitUnit.class);
        if (made.discountPercent() != null) {
            given.put(LimitUnit.PERCENT, "discountPercent");
        }
        if (made.amount() != null) {
            given.put(LimitUnit.YUAN, "amount");
        }
        if (made.units() != null) {
            given.put(LimitUnit.UNITS, "units");
        }
        LimitUnit unit = made.type().unit();
        for (var field : given.entrySet()) {
            if (field.getKey() != unit) {
                errors.add(new FieldError(path + "." + field.getValue(), unit == null
                        ? "a " + made.type() + " commitment takes no amount"
                        : "a " + made.type() + " commitment states its amount as " + FIELDS.get(unit)
                                + ", not " + field.getValue()));
            }
        }
    }

    private static void check(List<FieldError> errors, String field, @Nullable Checkpoint point) {
        boolean noted = point != null && point.note() != null && !point.note().isBlank();
        boolean skipped = point != null && point.notApplicableReason() != null && !point.notApplicableReason().isBlank();
        if (!noted && !skipped) {
            errors.add(new FieldError(field, "is required: record what was found (note), or mark it not applicable "
                    + "with a reason (notApplicableReason)"));
        } else if (noted && skipped) {
            errors.add(new FieldError(field, "give a note or a reason it did not apply, not both"));
        }
    }
}
