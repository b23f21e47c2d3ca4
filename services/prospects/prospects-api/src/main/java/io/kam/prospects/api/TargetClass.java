package io.kam.prospects.api;

/**
 * Where a prospect sits in the primary/secondary target matrix. A prospect that meets its territory's qualifying
 * score is a PRIMARY target, unless it is loyal to a competitor: then it is a SECONDARY target, worth developing only
 * after the primary ones. Below the qualifying score it is NOT_A_TARGET (yet).
 */
public enum TargetClass {
    PRIMARY, SECONDARY, NOT_A_TARGET;

    public static TargetClass of(boolean qualifies, CompetitorLoyalty loyalty) {
        if (!qualifies) {
            return NOT_A_TARGET;
        }
        return loyalty == CompetitorLoyalty.HIGH ? SECONDARY : PRIMARY;
    }
}
