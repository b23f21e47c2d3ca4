package io.kam.sellthrough.ingest;

import java.net.SocketTimeoutException;

/**
 * The sender of a body stopped sending it for longer than the service waits. Its message is the service's own and
 * may be shown to the sender; other I/O failures are not (their messages are the JDK's or the server's).
 */
public final class BodyStalled extends SocketTimeoutException {

    public BodyStalled(String message) {
        super(message);
    }
}
