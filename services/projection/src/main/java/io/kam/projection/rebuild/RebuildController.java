package io.kam.projection.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.consumer.ConsumerOffsets;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Rebuilding the reviews, the pipeline and the sell-through figures from the topics, and following the rebuild. */
@RestController
@RequestMapping("/api/reviews/rebuild")
class RebuildController {

    private final ReviewRebuild rebuild;
    private final CurrentActor actor;

    RebuildController(ReviewRebuild rebuild, CurrentActor actor) {
        this.rebuild = rebuild;
        this.actor = actor;
    }

    @Operation(summary = "Rebuild every review, the prospect pipeline and the sell-through figures by replaying kam.accounts.v1, kam.prospects.v1, kam.visits.v1, kam.sellthrough.v1, kam.promotions.v1 and kam.negotiations.v1 from the beginning, aside, then swapping the result in",
            description = "Replays the six topics from their beginning into a set of tables aside while the reviews, the pipeline and the figures go on being served, "
                    + "complete, from the current tables and new events go on being applied to them; once caught up, the new set is swapped in in one transaction and the old one dropped. "
                    + "Follow it with GET /api/reviews/rebuild: DONE once swapped.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @ApiResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus start() {
        actor.requireAny(Actor.NATIONAL_KA_MANAGER);
        return rebuild.start();
    }

    @Operation(summary = "Where the latest rebuild stands: IDLE, RUNNING, DONE or FAILED, and the records left")
    @GetMapping
    RebuildStatus status() {
        actor.requireAny(Actor.NATIONAL_KA_MANAGER);
        return rebuild.status();
    }

    @ExceptionHandler(ConsumerOffsets.OffsetsUnavailableException.class)
    ProblemDetail brokersUnavailable(ConsumerOffsets.OffsetsUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The rebuild could not start: " + e.getMessage());
        problem.setTitle("Kafka unavailable");
        return problem;
    }
}
