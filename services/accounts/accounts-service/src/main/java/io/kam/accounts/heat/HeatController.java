package io.kam.accounts.heat;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.RelationshipRequests;
import io.kam.accounts.api.RelationshipViews.HeatAssessmentView;
import io.kam.accounts.api.RelationshipViews.HeatView;
import io.kam.accounts.api.RelationshipViews.RatingView;
import io.kam.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** An account's purchase heat (购买热度): how committed it is to us, and where that is heading. */
@RestController
@RequestMapping("/api/accounts/{accountId}/heat")
class HeatController {

    private final AssessHeat assessHeat;
    private final HeatAssessmentRepository assessments;
    private final AccountAccess access;

    HeatController(AssessHeat assessHeat, HeatAssessmentRepository assessments, AccountAccess access) {
        this.assessHeat = assessHeat;
        this.assessments = assessments;
        this.access = access;
    }

    @Operation(summary = "The account's purchase heat: latest assessment, trend, focus and history",
            description = "focus lists the factors the latest assessment rated lowest: what to work on next. "
                    + "History is newest first.")
    @GetMapping
    @Transactional(readOnly = true)
    HeatView read(@PathVariable UUID accountId) {
        access.visible(accountId, access.managerOrCoordinator());
        return view(new HeatHistory(accountId, assessments.historyOf(accountId)));
    }

    @Operation(summary = "Assess purchase heat: rate each of the five factors 0-20 exactly once",
            description = "The score is the sum of the ratings (0-100). National KA managers only.")
    @PostMapping
    ResponseEntity<HeatView> assess(@PathVariable UUID accountId,
                                    @Valid @RequestBody RelationshipRequests.AssessHeat request) {
        var assessed = assessHeat.assess(accountId, request, access.managerOf(accountId));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/heat/assessments/"
                + assessed.assessment().id())).body(view(assessed.history()));
    }

    @Operation(summary = "One purchase-heat assessment")
    @GetMapping("/assessments/{assessmentId}")
    HeatAssessmentView assessment(@PathVariable UUID accountId, @PathVariable UUID assessmentId) {
        access.visible(accountId, access.managerOrCoordinator());
        return view(assessments.findByIdAndAccountId(assessmentId, accountId)
                .orElseThrow(() -> new ApiProblem.NotFound("Heat assessment", assessmentId)));
    }

    private static HeatView view(HeatHistory history) {
        var newestFirst = history.assessments().reversed().stream().map(HeatController::view).toList();
        return new HeatView(history.accountId(), newestFirst.isEmpty() ? null : newestFirst.getFirst(),
                history.trend(), history.focus(), newestFirst);
    }

    private static HeatAssessmentView view(HeatAssessment a) {
        return new HeatAssessmentView(a.id(), a.score(), a.ratings().stream()
                .map(r -> new RatingView(r.factor(), r.rating(), r.note())).toList(), a.assessedBy(), a.assessedAt());
    }
}
