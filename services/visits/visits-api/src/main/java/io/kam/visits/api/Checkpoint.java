package io.kam.visits.api;

import jakarta.validation.constraints.Size;

/**
 * One of the points every visit covers (三必谈, 三必到): what was found, or, when it did not apply at this visit,
 * why. Exactly one of the two is given.
 *
 * @param note                what was discussed or seen; null when not applicable
 * @param notApplicableReason why the point did not apply; null when recorded
 */
public record Checkpoint(@Size(max = 2000) String note, @Size(max = 500) String notApplicableReason) {

    /** Recorded with a note. */
    public static Checkpoint noted(String note) {
        return new Checkpoint(note, null);
    }

    /** Marked not applicable, with the reason. */
    public static Checkpoint notApplicable(String reason) {
        return new Checkpoint(null, reason);
    }

    /** Whether it was marked not applicable (with a reason that is not blank). */
    public boolean skipped() {
        return notApplicableReason != null && !notApplicableReason.isBlank();
    }
}
