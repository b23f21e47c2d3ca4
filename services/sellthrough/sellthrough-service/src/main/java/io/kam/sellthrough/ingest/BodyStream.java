package io.kam.sellthrough.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body as sent: counts its bytes for the progress report and hashes them (SHA-256) for the batch's record. A body
 * still arriving after its deadline fails with {@link TooSlow}: a slow upload holds the account's lock and a
 * connection, so it may not take longer than {@code max-upload-duration}.
 */
final class BodyStream extends FilterInputStream {

    private final AtomicLong count;
    private final MessageDigest digest;
    private final long startNanos = System.nanoTime();
    private final java.time.Duration limit;

    BodyStream(InputStream in, AtomicLong count) {
        this(in, count, java.time.Duration.ofDays(3650));
    }

    BodyStream(InputStream in, AtomicLong count, java.time.Duration limit) {
        super(in);
        this.count = count;
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body took longer to arrive than a batch may. */
    static final class TooSlow extends RuntimeException {
        TooSlow(java.time.Duration limit) {
            super("the body took longer than " + limit.toSeconds() + " s to arrive, longer than a batch may hold the "
                    + "account; nothing of it was kept. Send it again over a faster link, or in smaller batches", null,
                    false, false);
        }
    }

    private void inTime() {
        if (System.nanoTime() - startNanos > limit.toNanos()) {
            throw new TooSlow(limit);
        }
    }

    @Override
    public int read() throws IOException {
        inTime();
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        inTime();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            count.addAndGet(n);
        }
        return n;
    }

    /** Reads what is left of the body, so that the digest covers all of it. */
    String drainAndDigest() throws IOException {
        byte[] rest = new byte[64 * 1024];
        while (read(rest, 0, rest.length) >= 0) {
            // counted and hashed by read
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
