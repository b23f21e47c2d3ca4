package io.kam.accounts.api;

import java.util.List;

/**
 * Where purchase heat is heading. The latest score is compared with the mean of up to {@link #WINDOW} assessments
 * before it: {@link #THRESHOLD} points or more above is RISING, as much below is FALLING, anything between is
 * STABLE. A single assessment is FIRST. Shared by the accounts service and the projection, so both say the same.
 */
public enum HeatTrend {
    FIRST, RISING, STABLE, FALLING;

    /** How many earlier assessments the latest is compared with. */
    public static final int WINDOW = 3;
    /** The change in points that counts as a movement. */
    public static final int THRESHOLD = 5;

    /**
     * @param scoresOldestFirst every score of the account, oldest first; not empty
     */
    public static HeatTrend of(List<Integer> scoresOldestFirst) {
        if (scoresOldestFirst.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one assessment");
        }
        int last = scoresOldestFirst.size() - 1;
        if (last == 0) {
            return FIRST;
        }
        List<Integer> before = scoresOldestFirst.subList(Math.max(0, last - WINDOW), last);
        double mean = before.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double change = scoresOldestFirst.get(last) - mean;
        if (change >= THRESHOLD) {
            return RISING;
        }
        return change <= -THRESHOLD ? FALLING : STABLE;
    }
}
