package io.kam.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts {@code deploy/docker-compose.yml} as it is (images built from the services' {@code target/*-exec.jar}), gets a
 * token for nora from the stack's Keycloak the way a host caller does, and opens and reads an account through the
 * gateway. Skipped where no Docker engine answers.
 *
 * <p>Every host port is a free one chosen here (passed as the {@code KAM_*_PORT} variables the compose file reads), so
 * the test does not collide with {@code make run} or a stack started by {@code make compose-up}; Keycloak's port is
 * also the one in the issuer, which the services are told to expect, so this also checks the issuer arrangement.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeSmokeTest {

    private static final Path ROOT = repositoryRoot();
    private static final int GATEWAY_PORT = freePort();
    private static final int KEYCLOAK_PORT = freePort();

    @Container
    private static final ComposeContainer STACK = new ComposeContainer(composeFile())
            .withEnv(environment())
            .withBuild(true)
            // `up` pulls the public images it lacks; a separate pull would also try the locally built kam-platform/*.
            .withPull(false)
            .withRemoveVolumes(true)
            .withTailChildContainers(true)
            // The gateway is healthy only after accounts and projection are (depends_on), and they only after
            // PostgreSQL, Kafka and Keycloak are: a healthy gateway means a healthy stack.
            .waitingFor("gateway", Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)))
            .withStartupTimeout(Duration.ofMinutes(15));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void noraOpensAnAccountThroughTheGatewayAndReadsItBack() throws Exception {
        String token = tokenFor("nora", "nora-dev");
        assertThat(claims(token).path("iss").asString()).isEqualTo("http://localhost:" + KEYCLOAK_PORT + "/realms/kam");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(gateway("/api/accounts")).GET(), null);
        assertThat(anonymous.statusCode()).as("without a token").isEqualTo(401);

        String name = "Compose Smoke Mart " + UUID.randomUUID();
        String body = """
                {"name": "%s", "banner": "Smoke Mart", "format": "HYPERMARKET", "ownership": "Domestic private",
                 "headquarters": {"street": "1 Century Avenue", "city": "Shanghai", "province": "Shanghai", "postalCode": "200120"},
                 "scope": "NATIONAL", "owner": "nora"}
                """.formatted(name);
        HttpResponse<String> opened = send(HttpRequest.newBuilder(gateway("/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = json.readTree(opened.body()).path("id").asString();
        assertThat(id).isNotBlank();
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/accounts/" + id);

        HttpResponse<String> read = send(HttpRequest.newBuilder(gateway("/api/accounts/" + id)).GET(), token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode account = json.readTree(read.body());
        assertThat(account.path("id").asString()).isEqualTo(id);
        assertThat(account.path("name").asString()).isEqualTo(name);
        assertThat(read.headers().firstValue("X-Request-Id")).isPresent();
    }

    /** The password grant on kam-web, from the host, as {@code deploy/keycloak/README.md} shows with curl. */
    private String tokenFor(String username, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "kam-web", "username", username, "password", password)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/kam/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + GATEWAY_PORT + path);
    }

    /** The variables deploy/.env would hold, with throwaway secrets and free host ports. */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAM_DB_PASSWORD", "smoke-" + UUID.randomUUID());
        env.put("KAM_KEYCLOAK_ADMIN_PASSWORD", "smoke-" + UUID.randomUUID());
        env.put("KAM_GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("KAM_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("KAM_ACCOUNTS_PORT", String.valueOf(freePort()));
        env.put("KAM_PROSPECTS_PORT", String.valueOf(freePort()));
        env.put("KAM_VISITS_PORT", String.valueOf(freePort()));
        env.put("KAM_SELLTHROUGH_PORT", String.valueOf(freePort()));
        env.put("KAM_PROMOTIONS_PORT", String.valueOf(freePort()));
        env.put("KAM_NEGOTIATIONS_PORT", String.valueOf(freePort()));
        env.put("KAM_PROJECTION_PORT", String.valueOf(freePort()));
        env.put("KAM_KAFKA_PORT", String.valueOf(freePort()));
        env.put("KAM_POSTGRES_PORT", String.valueOf(freePort()));
        return env;
    }

    /** The compose file, after checking that the jars its images are built from exist ({@code make build}). */
    private static File composeFile() {
        for (String target : new String[] {"services/accounts/accounts-service/target", "services/prospects/prospects-service/target",
                "services/visits/visits-service/target",
                "services/sellthrough/sellthrough-service/target",
                "services/promotions/promotions-service/target",
                "services/negotiations/negotiations-service/target",
                "services/projection/target",
                "services/gateway/target"}) {
            if (!hasExecutableJar(ROOT.resolve(target))) {
                throw new IllegalStateException("no *-exec.jar in " + ROOT.resolve(target)
                        + ": the images are built from it; run 'make build' first");
            }
        }
        return ROOT.resolve("deploy/docker-compose.yml").toFile();
    }

    private static boolean hasExecutableJar(Path target) {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs in deploy/compose; the repository root is two levels up. */
    private static Path repositoryRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../..").normalize();
        if (!Files.isRegularFile(root.resolve("deploy/docker-compose.yml"))) {
            throw new IllegalStateException("deploy/docker-compose.yml not found under " + root);
        }
        return root;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
