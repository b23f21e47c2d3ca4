package io.kam.projection.prospect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;

/** Response bodies of {@code GET /api/reviews/pipeline}. */
final class PipelineViews {

    private PipelineViews() {
    }

    /**
     * The prospect pipeline, over the prospects that pass the filters (their current region; the day they were
     * identified, in Asia/Shanghai, from and to inclusive). Every map holds every constant of its enum, zeros included.
     *
     * @param prospects           how many prospects pass the filters
     * @param byStage             by current stage
     * @param conversion          of the prospects closed so far, how many were converted and how many dropped
     * @param conversionByRegion  the same per region
     * @param conversionBySource  the same per source
     * @param timeInStage         for each stage, how long the prospects that left it stayed, and how many are in it now
     */
    record Pipeline(@Nullable Region region, @Nullable LocalDate from, @Nullable LocalDate to, long prospects,
                    Map<ProspectStage, Long> byStage, Map<Region, Long> byRegion, Map<ProspectSource, Long> bySource,
                    Conversion conversion, Map<Region, Conversion> conversionByRegion,
                    Map<ProspectSource, Conversion> conversionBySource, Map<ProspectStage, TimeInStage> timeInStage) {
    }

    /**
     * @param rate converted / (converted + dropped), to three decimals; null while none is closed
     */
    record Conversion(long converted, long dropped, @Nullable BigDecimal rate) {
    }

    /**
     * Days in a stage, to one decimal. Each stay counts once: a prospect that came back to a stage counts each stay.
     *
     * @param left           stays in the stage that have ended (the prospect moved on, was converted or dropped)
     * @param averageDays    their average length; null when none has ended
     * @param medianDays     their median length; null when none has ended
     * @param current        prospects in the stage now
     * @param averageAgeDays how long those have been in it, on average, until now; null when none is
     */
    record TimeInStage(long left, @Nullable BigDecimal averageDays, @Nullable BigDecimal medianDays, long current,
                       @Nullable BigDecimal averageAgeDays) {
    }
}
