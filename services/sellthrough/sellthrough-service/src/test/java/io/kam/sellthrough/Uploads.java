package io.kam.sellthrough;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pushes bodies to the batch API over real HTTP, with whatever headers a test needs. */
public final class Uploads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public Uploads(int port) {
        this.port = port;
    }

    /** A response: status, headers, body as text and, when it is JSON, as a tree. */
    public record Response(int status, HttpHeaders headers, String text) {
        public JsonNode json() {
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        }

        public String get(String field) {
            return json().path(field).asString();
        }

        public long number(String field) {
            return json().path(field).asLong();
        }
    }

    public Response csv(String token, String query, String body) {
        return push(token, query, "text/csv", null, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response push(String token, String query, String contentType, String encoding, byte[] body) {
        return push(token, query, contentType, encoding, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public Response push(String token, String query, String contentType, String encoding, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sell-through/batches?" + query))
                .timeout(Duration.ofMinutes(2)).POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return send(request.build());
    }

    public Response get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
