package io.kam.sellthrough.ingest;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The counts of one batch as it is ingested, shared by the thread reading the body and the thread writing the rows,
 * and read every second for the progress report.
 */
final class Tally {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong restated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    /** Reasons for rejected rows beyond {@code max-stored-rejections}: counted, not kept for the report. */
    final AtomicLong reasonsNotKept = new AtomicLong();
    volatile int parts;
    volatile @Nullable LocalDate firstDay;
    volatile @Nullable LocalDate lastDay;
    volatile @Nullable String digest;

    /** Rows accepted so far: read and not rejected (committed only with the batch). */
    long accepted() {
        return rowsRead.get() - rejected.get();
    }

    void day(LocalDate first, LocalDate last) {
        if (firstDay == null || first.isBefore(firstDay)) {
            firstDay = first;
        }
        if (lastDay == null || last.isAfter(lastDay)) {
            lastDay = last;
        }
    }
}
