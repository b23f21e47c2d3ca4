package io.kam.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The kam realm as imported by a real Keycloak: its clients, users, roles and the claims in their tokens. */
class KamRealmTest {

    private static KeycloakServer keycloak;
    private static OidcClient oidc;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
        oidc = new OidcClient(keycloak);
    }

    @Test
    void nora_is_a_national_ka_manager_without_a_region() {
        JsonNode claims = login("nora", "nora-dev");

        assertThat(realmRoles(claims)).contains("national-ka-manager")
                .doesNotContain("regional-coordinator", "integration");
        assertThat(claims.has("region")).as("region claim of %s", claims).isFalse();
        assertThat(claims.path("preferred_username").asString()).isEqualTo("nora");
        assertThat(claims.path("azp").asString()).isEqualTo("kam-web");
    }

    @Test
    void nate_is_a_second_national_ka_manager_so_that_plans_can_be_approved_by_someone_other_than_their_author() {
        JsonNode claims = login("nate", "nate-dev");

        assertThat(realmRoles(claims)).contains("national-ka-manager")
                .doesNotContain("regional-coordinator", "integration");
        assertThat(claims.has("region")).as("region claim of %s", claims).isFalse();
        assertThat(claims.path("preferred_username").asString()).isEqualTo("nate");
    }

    @Test
    void eric_coordinates_the_east() {
        JsonNode claims = login("eric", "eric-dev");

        assertThat(realmRoles(claims)).contains("regional-coordinator")
                .doesNotContain("national-ka-manager", "integration");
        assertThat(claims.path("region").asString()).isEqualTo("EAST");
    }

    @Test
    void sofia_coordinates_the_south() {
        JsonNode claims = login("sofia", "sofia-dev");

        assertThat(realmRoles(claims)).contains("regional-coordinator")
                .doesNotContain("national-ka-manager", "integration");
        assertThat(claims.path("region").asString()).isEqualTo("SOUTH");
    }

    @Test
    void tokens_are_issued_by_the_servers_issuer() {
        JsonNode user = login("eric", "eric-dev");
        JsonNode machine = OidcClient.claims(oidc.clientCredentials("kam-integration", "kam-integration-dev")
                .accessToken());

        assertThat(user.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(machine.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(keycloak.issuerUri()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/kam");
    }

    @Test
    void a_wrong_password_is_refused() {
        OidcClient.Response response = oidc.passwordGrant("kam-web", "eric", "not-erics-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(response.body().has("access_token")).isFalse();
    }

    @Test
    void the_integration_client_gets_the_integration_role_with_its_secret() {
        OidcClient.Response response = oidc.clientCredentials("kam-integration", "kam-integration-dev");

        assertThat(response.status()).isEqualTo(200);
        JsonNode claims = OidcClient.claims(response.accessToken());
        assertThat(realmRoles(claims)).contains("integration")
                .doesNotContain("national-ka-manager", "regional-coordinator");
        assertThat(claims.path("azp").asString()).isEqualTo("kam-integration");
        assertThat(claims.path("preferred_username").asString()).isEqualTo("service-account-kam-integration");
        assertThat(claims.has("retailer")).as("no retailer is set by default: %s", claims).isFalse();
    }

    @Test
    void the_platforms_clients_issue_tokens_for_the_api_audience_and_other_clients_do_not() {
        JsonNode web = login("nora", "nora-dev");
        JsonNode machine = OidcClient.claims(oidc.clientCredentials("kam-integration", "kam-integration-dev").accessToken());
        OidcClient.Response other = oidc.passwordGrant("admin-cli", "nora", "nora-dev");

        assertThat(audiences(web)).contains("kam-api");
        assertThat(audiences(machine)).contains("kam-api");
        assertThat(other.status()).as("admin-cli of the kam realm: %s", other.body()).isEqualTo(200);
        assertThat(audiences(OidcClient.claims(other.accessToken()))).as("the services refuse it (401)")
                .doesNotContain("kam-api");
    }

    @Test
    void the_retailer_and_region_mappers_are_defined_once_as_client_scopes_of_every_platform_client() {
        JsonNode scopes = oidc.adminGet("/client-scopes");
        JsonNode retailer = named(scopes, "kam-retailer");
        assertThat(retailer.path("protocolMappers").findValuesAsString("claim.name")).containsExactly("retailer");
        assertThat(named(scopes, "kam-region").path("protocolMappers").findValuesAsString("claim.name"))
                .containsExactly("region");
        for (String clientId : List.of("kam-web", "kam-integration")) {
            JsonNode client = oidc.adminGet("/clients?clientId=" + clientId).get(0);
            assertThat(client.path("protocolMappers").isEmpty()).as("%s defines no mapper of its own", clientId).isTrue();
            assertThat(client.path("defaultClientScopes").valueStream().map(JsonNode::asString))
                    .as(clientId).contains("kam-api", "kam-retailer", "kam-region", "roles", "profile");
        }
        assertThat(oidc.adminGet("/default-default-client-scopes").findValuesAsString("name"))
                .as("a client added later gets the retailer mapper too, not the API audience")
                .contains("kam-retailer", "kam-region").doesNotContain("kam-api");
    }

    @Test
    void every_account_is_a_separate_role_granted_to_nobody_and_the_integration_is_bound_to_none_by_default() {
        assertThat(oidc.adminGet("/roles/integration-all-accounts").path("name").asString())
                .isEqualTo("integration-all-accounts");
        assertThat(oidc.adminGet("/roles/integration-all-accounts/users").isEmpty()).isTrue();
        JsonNode machine = OidcClient.claims(oidc.clientCredentials("kam-integration", "kam-integration-dev").accessToken());
        assertThat(realmRoles(machine)).doesNotContain("integration-all-accounts");
        assertThat(machine.has("retailer")).as("unbound: the services refuse it everything until an operator binds it")
                .isFalse();
    }

    @Test
    void the_monitoring_client_is_an_operator_and_only_it() {
        JsonNode claims = OidcClient.claims(oidc.clientCredentials("kam-monitoring", "kam-monitoring-dev").accessToken());

        assertThat(realmRoles(claims)).contains("operator")
                .doesNotContain("national-ka-manager", "regional-coordinator", "integration");
        assertThat(audiences(claims)).contains("kam-api");
        assertThat(oidc.adminGet("/roles/operator/users").findValuesAsString("username"))
                .containsExactly("service-account-kam-monitoring");
        assertThat(realmRoles(login("nora", "nora-dev"))).doesNotContain("operator");
    }

    @Test
    void a_wrong_client_secret_is_refused() {
        OidcClient.Response response = oidc.clientCredentials("kam-integration", "not-the-secret");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void the_web_client_cannot_use_client_credentials() {
        OidcClient.Response response = oidc.clientCredentials("kam-web", "anything");

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body().has("access_token")).isFalse();
    }

    @Test
    void a_retailer_set_on_the_service_account_appears_in_its_tokens() {
        String path = "/users/" + userId("service-account-kam-integration");
        JsonNode original = oidc.adminGet(path);
        String accountId = "3f2b6c1e-8a4d-4c2e-9b1a-5d6e7f809a1b";
        try {
            ObjectNode tied = (ObjectNode) original.deepCopy();
            tied.putObject("attributes").putArray("retailer").add(accountId);
            assertThat(oidc.adminPut(path, tied).status()).isEqualTo(204);

            JsonNode claims = OidcClient.claims(oidc.clientCredentials("kam-integration", "kam-integration-dev")
                    .accessToken());
            assertThat(claims.path("retailer").asString()).isEqualTo(accountId);
        } finally {
            ObjectNode untied = (ObjectNode) original.deepCopy();
            untied.putObject("attributes");
            assertThat(oidc.adminPut(path, untied).status()).isEqualTo(204);
        }
        assertThat(oidc.adminGet(path).path("attributes").has("retailer")).isFalse();
    }

    @Test
    void a_retailer_must_be_an_account_id() {
        String path = "/users/" + userId("service-account-kam-integration");
        ObjectNode user = (ObjectNode) oidc.adminGet(path).deepCopy();
        user.putObject("attributes").putArray("retailer").add("Walmart");

        OidcClient.Response response = oidc.adminPut(path, user);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asString()).isEqualTo("retailer");
    }

    @Test
    void a_region_outside_the_declared_values_is_refused() {
        String path = "/users/" + userId("sofia");
        ObjectNode user = (ObjectNode) oidc.adminGet(path).deepCopy();
        user.putObject("attributes").putArray("region").add("MARS");

        OidcClient.Response response = oidc.adminPut(path, user);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asString()).isEqualTo("region");
        assertThat(oidc.adminGet(path).path("attributes").path("region").get(0).asString()).isEqualTo("SOUTH");
    }

    @Test
    void an_administrator_moves_a_coordinator_to_another_region_and_the_next_token_says_so() {
        String path = "/users/" + userId("eric");
        JsonNode original = oidc.adminGet(path);
        try {
            ObjectNode moved = (ObjectNode) original.deepCopy();
            moved.putObject("attributes").putArray("region").add("NORTHEAST");
            assertThat(oidc.adminPut(path, moved).status()).isEqualTo(204);

            assertThat(login("eric", "eric-dev").path("region").asString()).isEqualTo("NORTHEAST");
        } finally {
            assertThat(oidc.adminPut(path, original.deepCopy()).status()).isEqualTo(204);
        }
        assertThat(login("eric", "eric-dev").path("region").asString()).isEqualTo("EAST");
    }

    @Test
    void the_dev_users_have_no_required_actions_and_verified_emails() {
        for (String username : List.of("nora", "nate", "eric", "sofia")) {
            JsonNode user = oidc.adminGet("/users/" + userId(username));
            assertThat(user.path("emailVerified").asBoolean()).as(username).isTrue();
            assertThat(user.path("requiredActions").isEmpty()).as(username).isTrue();
            assertThat(user.path("firstName").asString()).as(username).isNotBlank();
            assertThat(user.path("lastName").asString()).as(username).isNotBlank();
        }
    }

    private static JsonNode login(String username, String password) {
        OidcClient.Response response = oidc.passwordGrant("kam-web", username, password);
        assertThat(response.status()).as("login of %s: %s", username, response.body()).isEqualTo(200);
        return OidcClient.claims(response.accessToken());
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> audiences = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(each -> audiences.add(each.asString()));
        } else if (aud.isString()) {
            audiences.add(aud.asString());
        }
        return audiences;
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode each : list) {
            if (each.path("name").asString().equals(name)) {
                return each;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    private static List<String> realmRoles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static String userId(String username) {
        JsonNode found = oidc.adminGet("/users?exact=true&username=" + username);
        assertThat(found.size()).as("users named %s", username).isEqualTo(1);
        return found.get(0).path("id").asString();
    }
}
