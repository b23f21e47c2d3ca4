package io.kam.projection.prospect;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.DataScope;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.CurrentActor;
import io.kam.projection.prospect.PipelineViews.Pipeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The prospect pipeline as projected so far: for national KA managers, and for coordinators their own region. */
@RestController
@RequestMapping("/api/reviews/pipeline")
class PipelineController {

    private final PipelineReader reader;
    private final CurrentActor actor;

    PipelineController(PipelineReader reader, CurrentActor actor) {
        this.reader = reader;
        this.actor = actor;
    }

    @Operation(summary = "The prospect pipeline: by stage, region and source, conversion rates and time in stage",
            description = "Counts of prospects by current stage, region and source (every constant, zeros included); "
                    + "conversion = converted / (converted + dropped), overall, per region and per source, null while "
                    + "none is closed; for each stage, the average and median days of the stays that ended, and the "
                    + "number in it now with their average age in days. Filters: region (the prospect's region), "
                    + "from and to (the day it was identified, in Asia/Shanghai, inclusive). A regional coordinator "
                    + "sees their own region only (403 for another); integrations are refused.")
    @GetMapping
    Pipeline pipeline(@RequestParam(required = false) @Nullable Region region,
                      @Parameter(description = "identified on or after this day (Asia/Shanghai)")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @Parameter(description = "identified on or before this day (Asia/Shanghai)")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        Actor reader = actor.requireAny(Actor.NATIONAL_KA_MANAGER, Actor.REGIONAL_COORDINATOR);
        Region listed = DataScope.listingRegion(reader, region, Region.class).orElse(null);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ApiProblem.Invalid("to", "must not be before from (" + from + ")");
        }
        return this.reader.read(new PipelineReader.Filter(listed, from, to));
    }

}
