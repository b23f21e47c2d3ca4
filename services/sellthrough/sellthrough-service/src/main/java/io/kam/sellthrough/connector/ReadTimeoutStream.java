package io.kam.sellthrough.connector;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP source's body with a read timeout: the JDK client's request timeout ends once the headers are in, so a
 * source that stops sending would hold the pull (and the account) for ever. Each read that gets nothing for
 * {@code read-timeout} closes the body and fails with a {@link SocketTimeoutException}, never a quiet end of the body.
 */
final class ReadTimeoutStream extends FilterInputStream {

    private final ScheduledExecutorService watchdog;
    private final Duration timeout;
    private volatile boolean expired;

    ReadTimeoutStream(InputStream in, ScheduledExecutorService watchdog, Duration timeout) {
        super(in);
        this.watchdog = watchdog;
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        ScheduledFuture<?> alarm = watchdog.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            check();
            throw e;
        } finally {
            alarm.cancel(false);
        }
        check();
        return n;
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException e) {
            // closing is how the blocked read ends
        }
    }

    private void check() throws SocketTimeoutException {
        if (expired) {
            throw new io.kam.sellthrough.ingest.BodyStalled("the source sent nothing for " + timeout.toSeconds() + " s");
        }
    }
}
