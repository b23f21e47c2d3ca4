package io.kam.sellthrough.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** The body as sent: counts its bytes for the progress report and hashes them (SHA-256) for the batch's record. */
final class BodyStream extends FilterInputStream {

    private final AtomicLong count;
    private final MessageDigest digest;

    BodyStream(InputStream in, AtomicLong count) {
        super(in);
        this.count = count;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
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
