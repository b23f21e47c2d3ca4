package io.kam.sellthrough.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body as the rows are read from it, after decompression: refuses to yield more than {@code max-body-bytes}, so
 * that a small gzip body cannot expand into gigabytes of rows. Going over is a {@link BodyTooLarge}, which fails the
 * whole batch (413) before anything of it is committed.
 */
final class CappedStream extends FilterInputStream {

    private final long max;
    private long count;

    CappedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > max) {
            throw new BodyTooLarge(max);
        }
    }

    /** The body, as read (decompressed), is longer than the service takes in one batch. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(long max) {
            super("the body holds more than " + max + " bytes (after decompression), more than one batch may hold; "
                    + "nothing of it was kept. Split it into several batches", null, false, false);
        }
    }
}
