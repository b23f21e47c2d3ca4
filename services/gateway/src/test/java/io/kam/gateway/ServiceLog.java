package io.kam.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * What the real DispatcherServlets of this JVM log about each request they receive, at TRACE: the request line,
 * every header (for a servlet whose {@code spring.mvc.log-request-details} is on) and the request id in the
 * logging context at that moment. It is how the tests see what a service received, without a stand-in for it.
 */
final class ServiceLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";

    /** One logged request: the message and the {@code requestId} the logging context held while it was logged. */
    record Line(String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DISPATCHER);
    private final Level previous;
    private final boolean previouslyAdditive;

    private ServiceLog() {
        previous = logger.getLevel();
        previouslyAdditive = logger.isAdditive();
    }

    /** Starts recording; to be called after every application context has started (each one resets logging). */
    static ServiceLog record() {
        ServiceLog log = new ServiceLog();
        log.setContext(log.logger.getLoggerContext());
        log.start();
        log.logger.addAppender(log);
        log.logger.setLevel(Level.TRACE);
        log.logger.setAdditive(false); // recorded here only: the console would show every header, tokens included
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        // The logging context is read now, on the server's thread: later it would be the reader's.
        Map<String, String> mdc = event.getMDCPropertyMap();
        lines.add(new Line(event.getFormattedMessage(), mdc.getOrDefault("requestId", "")));
    }

    /** The requests logged by the server on this port: those that arrived with {@code Host: localhost:<port>}. */
    List<Line> receivedAt(int port) {
        String host = "host:[localhost:" + port + "]";
        return lines.stream().filter(l -> l.message().toLowerCase(Locale.ROOT).contains(host)).toList();
    }

    /** Whether the logged request carried the header with exactly this value (names in any case). */
    static boolean hasHeader(Line line, String name, String value) {
        return line.message().contains(", " + name.toLowerCase(Locale.ROOT) + ":[" + value + "]")
                || line.message().contains(", " + name + ":[" + value + "]")
                || line.message().contains("{" + name.toLowerCase(Locale.ROOT) + ":[" + value + "]")
                || line.message().contains("{" + name + ":[" + value + "]");
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previous);
        logger.setAdditive(previouslyAdditive);
        stop();
    }
}
