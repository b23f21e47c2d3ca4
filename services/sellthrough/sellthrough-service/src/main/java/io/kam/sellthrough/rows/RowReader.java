package io.kam.sellthrough.rows;

import java.io.IOException;

/** The data rows of a batch body, one at a time, in the order of the body. */
public interface RowReader {

    /**
     * Reads the next row into {@code row}: its columns, or the problem that makes it unusable as a whole. Blank lines
     * are skipped.
     *
     * @return false at the end of the body
     */
    boolean next(RowFields row) throws IOException;
}
