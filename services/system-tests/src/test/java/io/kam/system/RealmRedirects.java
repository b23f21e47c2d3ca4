package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.kam.platform.keycloak.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm's {@code kam-web} client lets the browser come back only to {@code http://localhost:8080/*}, the
 * platform's gateway; a test's gateway listens on a free port, which the test's (in-memory) Keycloak is told
 * through its admin API, as an administrator would add a host.
 */
final class RealmRedirects {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmRedirects() {
    }

    static void allow(KeycloakServer keycloak, String base) throws Exception {
        String admin = adminToken(keycloak);
        String clients = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=kam-web"))
                .header("Authorization", "Bearer " + admin).GET().build(), 200));
        ObjectNode client = (ObjectNode) found.get(0);
        ((ArrayNode) client.get("redirectUris")).add(base + "/*");
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString() + "##"
                + base + "/*");
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(), 204);
        JsonNode updated = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=kam-web"))
                .header("Authorization", "Bearer " + admin).GET().build(), 200));
        assertThat(updated.get(0).path("redirectUris").valueStream().map(JsonNode::asString)).contains(base + "/*");
    }

    private static String adminToken(KeycloakServer keycloak) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USERNAME
                + "&password=" + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
        return JSON.readTree(body).path("access_token").asString();
    }

    private static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(expected);
        return response.body();
    }
}
