package io.kam.sellthrough.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.kam.sellthrough.SellThroughProperties;
import io.kam.sellthrough.ingest.BodyFormat;

/**
 * Pulls from a retailer's HTTP endpoint: {@code GET <url>?since=<cursor>} (no {@code since} on the first pull), with
 * the connector's Authorization header and {@code Accept-Encoding: gzip}. The endpoint answers 204 (or 200 with an
 * empty body) when it has nothing new, or 200 with CSV or NDJSON rows and the cursor of the next pull in
 * {@code X-Next-Cursor}. Its Content-Type and Content-Encoding say how to read the rows; without them the connector's
 * format and charset apply. Once the answer streams, a source that sends nothing for {@code read-timeout} fails the pull.
 *
 * <p>Before each pull the host is checked against the deployment's allowed hosts and its addresses as resolved now
 * ({@link SourceHosts}); redirects are never followed. A failure says only what happened (the status, a timeout, a
 * refused connection), never what the source answered nor an exception's text: whatever a source sends stays out of
 * the connector, which managers read; the service log has the details.
 */
@Component
class HttpSource implements org.springframework.beans.factory.DisposableBean {

    static final String NEXT_CURSOR = "X-Next-Cursor";
    static final String SINCE = "since";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpSource.class);

    private final HttpClient client;
    private final SourceHosts hosts;
    private final java.time.Duration timeout;
    private final java.time.Duration readTimeout;
    private final java.util.concurrent.ScheduledExecutorService watchdog;

    HttpSource(SellThroughProperties properties, SourceHosts hosts) {
        this.hosts = hosts;
        this.timeout = properties.connectors().timeout();
        this.readTimeout = properties.connectors().readTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sellthrough-pull-read-timeout");
            thread.setDaemon(true);
            return thread;
        });
        // one alarm per read, cancelled when the read returns: drop them at once rather than after read-timeout
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
    }

    Optional<Pulled> pull(ConnectorRow connector) throws PullFailure {
        URI uri = uri(connector);
        hosts.checkAtPull(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "text/csv, application/x-ndjson").header("Accept-Encoding", "gzip");
        if (connector.authHeader() != null) {
            request.header("Authorization", connector.authHeader());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.warn("Pull of connector {} could not reach {}: {}", connector.id(), uri.getHost(), e.toString());
            throw new PullFailure("could not reach " + uri.getHost() + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullFailure("interrupted", e);
        }
        try {
            return answer(connector, response);
        } catch (PullFailure | RuntimeException e) {
            close(response.body());
            throw e;
        }
    }

    private Optional<Pulled> answer(ConnectorRow connector, HttpResponse<InputStream> response) throws PullFailure {
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (status == 204 || status == 200 && length == 0) {
            close(response.body());
            return Optional.empty();
        }
        if (status != 200) {
            close(response.body());
            throw new PullFailure("the source answered HTTP " + status
                    + (status / 100 == 3 ? " (a redirect, which connectors do not follow)" : ""));
        }
        String next = response.headers().firstValue(NEXT_CURSOR).filter(c -> !c.isBlank())
                .orElseThrow(() -> new PullFailure("the source answered 200 without the " + NEXT_CURSOR + " header"));
        Optional<String> type = response.headers().firstValue("Content-Type");
        String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
        BodyFormat format;
        try {
            format = type.isPresent() ? BodyFormat.of(type.get(), encoding) : new BodyFormat(connector.format(),
                    BodyFormat.charset(connector.charset()), BodyFormat.gzip(encoding));
        } catch (BodyFormat.UnsupportedBody e) {
            log.warn("Pull of connector {}: {}", connector.id(), e.getMessage());
            throw new PullFailure("the source's rows cannot be read: its Content-Type or Content-Encoding is not supported"
                    + " (text/csv or application/x-ndjson in UTF-8, GBK or GB18030, plain or gzip)");
        }
        return Optional.of(new Pulled(new ReadTimeoutStream(response.body(), watchdog, readTimeout), format.format(), format.charset(), format.gzip(),
                length < 0 ? null : length, next));
    }

    private static URI uri(ConnectorRow connector) {
        String url = connector.url();
        if (connector.cursor() == null) {
            return URI.create(url);
        }
        return URI.create(url + (url.contains("?") ? "&" : "?") + SINCE + "=" + URLEncoder.encode(connector.cursor(), StandardCharsets.UTF_8));
    }

    /** A fixed reason for a failure to get an answer, without the exception's own text. */
    private static String reason(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "the TLS handshake failed";
        }
        return "the connection failed";
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }
}
