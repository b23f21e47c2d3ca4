package io.kam.platform.testing;

import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for a service under test; it never throws on an error status, so tests can assert on it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    /** A client without a token. */
    public Api(int port) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    private Api(RestClient client) {
        this.client = client;
    }

    /** The same client, sending this bearer token (see {@link TestTokens}) with every request. */
    public Api as(String token) {
        return new Api(client.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build());
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, h -> { });
    }

    public Response post(String path, Object body) {
        return call(HttpMethod.POST, path, body, h -> { });
    }

    /** A POST command on a versioned resource (submit, approve...): the body may be null. */
    public Response post(String path, Object body, String ifMatch) {
        return call(HttpMethod.POST, path, body, h -> ifMatch(h, ifMatch));
    }

    public Response put(String path, Object body, String ifMatch) {
        return call(HttpMethod.PUT, path, body, h -> ifMatch(h, ifMatch));
    }

    public Response patch(String path, Object body, String ifMatch) {
        return call(HttpMethod.PATCH, path, body, h -> ifMatch(h, ifMatch));
    }

    public Response delete(String path) {
        return call(HttpMethod.DELETE, path, null, h -> { });
    }

    public Response delete(String path, String ifMatch) {
        return call(HttpMethod.DELETE, path, null, h -> ifMatch(h, ifMatch));
    }

    private static void ifMatch(HttpHeaders headers, String ifMatch) {
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
    }

    private Response call(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers) {
        var request = client.method(method).uri(path).headers(headers).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Response(res.getStatusCode().value(), res.getHeaders(),
                    text.isBlank() ? JSON.missingNode() : JSON.readTree(text));
        });
    }

    /** A response: status, headers and the JSON body (a missing node when there is none). */
    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String etag() {
            return headers.getETag();
        }

        public String text(String field) {
            return body.path(field).asString();
        }

        /** The messages of the problem detail's field errors, as "field: message". */
        public java.util.List<String> fieldErrors() {
            java.util.List<String> errors = new java.util.ArrayList<>();
            body.path("errors").forEach(e -> errors.add(e.path("field").asString() + ": " + e.path("message").asString()));
            return errors;
        }
    }
}
