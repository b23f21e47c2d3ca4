package io.kam.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo seeders' way into the platform (DEV ONLY): the public API through the gateway, as the dev logins, with
 * tokens from Keycloak's password grant reused for four minutes. A call is described by what the seeder is working on,
 * so that a refusal names it.
 */
final class DemoClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Keycloak's tokens live 5 minutes; a fresh one is fetched before that. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final String tokenUri;
    private final Map<String, Token> tokens = new HashMap<>();

    DemoClient(String gateway, String tokenUri) {
        this.gateway = gateway;
        this.tokenUri = tokenUri;
    }

    /** What a call answered, with the call described for the message when it was not what was expected. */
    record Answer(String call, int status, JsonNode body, String text) {

        JsonNode expect(int expected) {
            if (status != expected) {
                throw new Supervisor.StartFailure(call + " answered " + status + ": " + text);
            }
            return body;
        }

        boolean isConflict(String code) {
            return status == 409 && code.equals(body.path("code").asString());
        }

        /** Whether the request was refused for a field error on that field. */
        boolean names(String field) {
            for (JsonNode error : body.path("errors")) {
                if (field.equals(error.path("field").asString())) {
                    return true;
                }
            }
            return false;
        }
    }

    JsonNode call(String subject, String user, String method, String path, JsonNode body, String ifMatch, int expected)
            throws IOException, InterruptedException {
        return send(subject, user, method, path, body, ifMatch).expect(expected);
    }

    Answer send(String subject, String user, String method, String path, JsonNode body, String ifMatch)
            throws IOException, InterruptedException {
        return send(subject, user, method, path, body == null ? null : JSON.writeValueAsString(body), "application/json",
                ifMatch);
    }

    /** Sends a body of any type (a CSV file, say). */
    Answer send(String subject, String user, String method, String path, String body, String contentType,
                String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String call = "demo data, " + subject + ": " + method + " " + path + " as " + user;
        return new Answer(call, response.statusCode(), parse(response.body()), response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    private record Token(String value, Instant fetched) {
    }

    private String token(String user) throws IOException, InterruptedException {
        Token token = tokens.get(user);
        if (token == null || token.fetched().plus(TOKEN_REUSE).isBefore(Instant.now())) {
            token = new Token(login(user), Instant.now());
            tokens.put(user, token);
        }
        return token.value();
    }

    /** Logs a dev user in with the password grant (password: the name and {@code -dev}, DEV ONLY). */
    private String login(String user) throws IOException, InterruptedException {
        String form = String.join("&", List.of("grant_type=password", "client_id=kam-web", "username=" + user,
                "password=" + URLEncoder.encode(user + "-dev", StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Supervisor.StartFailure("demo data: could not log in as " + user + " (" + response.statusCode()
                    + "). Keycloak imports the realm's dev logins only into an empty database: make reset, then "
                    + "make run (or KAM_DEMO_DATA=false make run)");
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
