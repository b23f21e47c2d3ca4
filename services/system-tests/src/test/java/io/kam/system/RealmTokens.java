package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.kam.platform.keycloak.KeycloakServer;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens from the real Keycloak's realm, as the web app and the integrations get them. */
final class RealmTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmTokens() {
    }

    /** A realm user's login through the web client ({@code <user>-dev} is each dev user's password). */
    static String password(KeycloakServer keycloak, String user) throws Exception {
        return token(keycloak, Map.of("grant_type", "password", "client_id", "kam-web", "username", user,
                "password", user + "-dev"));
    }

    static String clientCredentials(KeycloakServer keycloak, String client, String secret) throws Exception {
        return token(keycloak, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /** A realm user's login through another public client of the realm than the platform's ({@code admin-cli}). */
    static String passwordThroughAnotherClient(KeycloakServer keycloak, String user) throws Exception {
        return token(keycloak, Map.of("grant_type", "password", "client_id", "admin-cli", "username", user,
                "password", user + "-dev"));
    }

    /**
     * Binds the integration client to one retailer as an operator does (the user attribute {@code retailer} of its
     * service account, through the admin API), or unbinds it with {@code null}.
     */
    static void bindIntegration(KeycloakServer keycloak, String accountId) throws Exception {
        String admin = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + KeycloakServer.ADMIN_USERNAME + "&password=" + KeycloakServer.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
        String users = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        var found = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(users
                        + "?exact=true&username=service-account-kam-integration")).header("Authorization", "Bearer " + admin)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        var user = (tools.jackson.databind.node.ObjectNode) found.get(0);
        var attributes = user.putObject("attributes");
        if (accountId != null) {
            attributes.putArray("retailer").add(accountId);
        }
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as("binding the integration: %s", put.body()).isEqualTo(204);
    }

    private static String token(KeycloakServer keycloak, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for %s", form.get("username")).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
