package io.kam.visits.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Display and material in the store (硬终端 and 软终端).
 *
 * @param secondaryDisplays secondary display placements of our products (end caps, islands, stacks)
 * @param poster            whether our poster is up
 * @param hangingFlag       whether our hanging flag is up
 * @param displayCabinet    whether our display cabinet is in place
 * @param promoterPresent   whether our promoter was in the store
 */
public record DisplayCheck(@Min(0) @Max(100) int secondaryDisplays, boolean poster, boolean hangingFlag,
                           boolean displayCabinet, boolean promoterPresent) {

    /** How many of the three kinds of POS material were present. */
    public int posMaterialPresent() {
        return (poster ? 1 : 0) + (hangingFlag ? 1 : 0) + (displayCabinet ? 1 : 0);
    }
}
