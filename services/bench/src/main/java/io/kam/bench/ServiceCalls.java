package io.kam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workload's HTTP calls to the service it drives, as Nora or, for the four-eyes steps, as Nate, with the test
 * realm's tokens the benchmarked service trusts.
 */
final class ServiceCalls {

    static final String NORA = "nora";
    static final String NATE = "nate";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final JsonMapper json;

    ServiceCalls(String baseUrl, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /** Sends the body as JSON (none when null), with {@code If-Match} when given. */
    HttpResponse<String> send(String method, String path, String user, Object body, String ifMatch) throws Exception {
        String token = user.equals(NATE) ? TestTokens.nate() : TestTokens.nora();
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response if it has the status; otherwise the run stops, naming the call and the answer. */
    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
