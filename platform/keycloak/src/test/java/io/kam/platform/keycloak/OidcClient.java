package io.kam.platform.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the token endpoint and the admin API of a running {@link KeycloakServer}. */
final class OidcClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, JsonNode body) {

        String accessToken() {
            return body.path("access_token").asString();
        }
    }

    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OidcClient(KeycloakServer server) {
        this.server = server;
    }

    Response passwordGrant(String clientId, String username, String password) {
        return form(server.tokenUri(), Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    Response clientCredentials(String clientId, String secret) {
        return form(server.tokenUri(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The payload of a JWT: its middle part, base64url without padding, as JSON. */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT: " + parts.length + " parts");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** An access token of the master realm's bootstrap administrator. */
    String adminToken() {
        Response response = form(server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
        if (response.status() != 200) {
            throw new IllegalStateException("admin login refused: " + response);
        }
        return response.accessToken();
    }

    /** GET on the admin API of the kam realm, e.g. {@code /users?username=eric&exact=true}. */
    JsonNode adminGet(String path) {
        HttpRequest request = adminRequest(path).GET().build();
        Response response = send(request);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response);
        }
        return response.body();
    }

    /** PUT on the admin API of the kam realm; returns the status and any error body. */
    Response adminPut(String path, JsonNode body) {
        HttpRequest request = adminRequest(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return send(request);
    }

    private HttpRequest.Builder adminRequest(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
    }

    private Response form(String uri, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
