package io.kam.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.kam.local.LocalKafka;
import io.kam.local.LocalPlatform;
import io.kam.local.LocalPostgres;
import io.kam.local.Supervisor;
import io.kam.platform.testing.TestTokens;

/**
 * Issue 17's fault suite. PostgreSQL, a KRaft broker, the accounts service and the projection run as {@code make run}
 * runs them ({@code deploy/local}: the services and the broker as processes of their own), on free ports, started once
 * for all the faults. {@link Load} keeps writing through the accounts API while one fault at a time hits: {@code kill -9}
 * of the accounts service, {@code kill -9} of the projection, the broker stopped and started again, PostgreSQL stopped
 * and started again. After each, with the load stopped: every account and store whose command was acknowledged is in
 * the source and in the projection, the projection holds exactly the source's accounts, stores per account and events
 * (each event id once), nothing refused is anywhere, and the backlog drained. The time to recover is printed and
 * written to {@code target/fault-recovery.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path ROOT = Path.of("target/fault-run").toAbsolutePath();
    private static final Duration DRAIN = Duration.ofSeconds(90);

    private final int postgresPort = freePort();
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int accountsPort = freePort();
    private final int projectionPort = freePort();
    private final List<String> recoveries = new ArrayList<>();
    private Supervisor supervisor;
    private LocalPostgres postgres;
    private Process kafka;
    private Process accounts;
    private Process projection;
    private Load load;

    @BeforeAll
    void startThePlatform() throws Exception {
        deleteRecursively(ROOT);
        Instant start = Instant.now();
        supervisor = new Supervisor(ROOT.resolve("logs"));
        startPostgres();
        kafka = LocalKafka.start(supervisor, ROOT.resolve("data"), kafkaPort, controllerPort);
        accounts = startAccounts();
        projection = startProjection();
        load = new Load(accountsPort);
        System.out.printf("fault suite: platform up in %d s (logs in %s)%n",
                Duration.between(start, Instant.now()).toSeconds(), ROOT.resolve("logs"));
    }

    @AfterAll
    void stopThePlatform() throws Exception {
        if (load != null) {
            load.close();
        }
        if (supervisor != null) {
            supervisor.stopAll();
        }
        if (postgres != null) {
            postgres.close();
        }
        String table = "| Fault | Down for | First write acknowledged after the restart | Backlog drained after the restart "
                + "| Commands acknowledged / refused / failed |\n|---|---|---|---|---|\n" + String.join("\n", recoveries) + "\n";
        Files.writeString(Path.of("target/fault-recovery.md"), table);
        System.out.println("fault suite, time to recover:\n" + table);
    }

    @Test
    @Order(1)
    void theAccountsServiceKilledMidLoad() throws Exception {
        survive("`kill -9` of the accounts service", () -> {
            kill(accounts);
        }, () -> accounts = startAccounts());
    }

    @Test
    @Order(2)
    void theProjectionKilledMidLoad() throws Exception {
        survive("`kill -9` of the projection", () -> {
            kill(projection);
        }, () -> projection = startProjection());
    }

    @Test
    @Order(3)
    void theBrokerStoppedAndStartedMidLoad() throws Exception {
        survive("the Kafka broker stopped, then started", () -> {
            Instant stopped = Instant.now();
            stop(kafka);
            // The API goes on acknowledging while the broker is away: the events wait in the outbox.
            await("writes acknowledged without a broker").atMost(Duration.ofSeconds(30))
                    .until(() -> load.count(Load.Kind.ACKNOWLEDGED, stopped) >= 20);
        }, () -> kafka = LocalKafka.start(supervisor, ROOT.resolve("data"), kafkaPort, controllerPort));
    }

    @Test
    @Order(4)
    void postgresStoppedAndStartedMidLoad() throws Exception {
        survive("PostgreSQL stopped, then started", () -> {
            Instant stopped = Instant.now();
            postgres.close();
            postgres = null;
            // Each write is refused with a 503 database-unavailable problem after the pool's 2 s connection timeout.
            await("writes failing without a database").atMost(Duration.ofSeconds(45))
                    .until(() -> load.count(Load.Kind.FAILED, stopped) >= 3);
        }, this::startPostgres);
    }

    /**
     * Not a fault but its cousin: the projection rebuilt by replay while the load goes on. It ends equal to the
     * source, as a fresh replay would. The rebuild builds aside and swaps (ADR 0018), so the reviews stay whole
     * meanwhile; RebuildAsideTest (services/projection) proves that with a reader polling throughout.
     */
    @Test
    @Order(5)
    void aRebuildWhileEventsFlowEndsEqualToTheSource() throws Exception {
        Instant begin = Instant.now();
        load.start();
        await("writes acknowledged before the rebuild").atMost(Duration.ofSeconds(60))
                .until(() -> load.count(Load.Kind.ACKNOWLEDGED, begin) >= 20);
        Instant started = Instant.now();
        assertThat(projectionCall("POST").statusCode()).isEqualTo(202);
        await("the rebuild done").atMost(DRAIN).pollInterval(Duration.ofMillis(300))
                .until(() -> projectionCall("GET").body().contains("\"DONE\""));
        Instant done = Instant.now();
        await("writes acknowledged after the rebuild").atMost(Duration.ofSeconds(60))
                .until(() -> load.count(Load.Kind.ACKNOWLEDGED, done) >= 10);
        assertThat(load.count(Load.Kind.ACKNOWLEDGED, started) - load.count(Load.Kind.ACKNOWLEDGED, done))
                .as("writes acknowledged while the rebuild ran").isPositive();
        load.stop();
        recoveries.add("| a projection rebuild (`POST /api/reviews/rebuild`) under load | %.1f s (built aside, then swapped) | — | — | %d / %d / %d |"
                .formatted(seconds(started, done), load.count(Load.Kind.ACKNOWLEDGED, begin),
                        load.count(Load.Kind.REFUSED, begin), load.count(Load.Kind.FAILED, begin)));
        System.out.println("fault suite: " + recoveries.getLast());

        await("the projection equal to the source").atMost(DRAIN).pollInterval(Duration.ofMillis(300))
                .until(() -> source().equals(projected()));
        assertConsistent(load.outcomes());
    }

    private java.net.http.HttpResponse<String> projectionCall(String method) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + projectionPort + "/api/reviews/rebuild"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestTokens.nora())
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Runs the load, injects the fault once some writes were acknowledged, restarts the component, and checks that
     * the platform recovered: writes acknowledged again, everything acknowledged before the restart in the projection,
     * then, with the load stopped, the projection equal to the source.
     */
    private void survive(String fault, Step inject, Step restart) throws Exception {
        Instant begin = Instant.now();
        load.start();
        await("writes acknowledged before the fault").atMost(Duration.ofSeconds(60))
                .until(() -> load.count(Load.Kind.ACKNOWLEDGED, begin) >= 20);
        Instant faulted = Instant.now();
        inject.run();
        restart.run();
        Instant restarted = Instant.now();
        List<Load.Outcome> before = acknowledged(load.outcomes(), restarted);
        await("a write acknowledged after the restart").atMost(Duration.ofSeconds(60))
                .until(() -> load.count(Load.Kind.ACKNOWLEDGED, restarted) > 0);
        Instant writing = load.outcomes().stream().filter(o -> o.kind() == Load.Kind.ACKNOWLEDGED && o.at().isAfter(restarted))
                .map(Load.Outcome::at).min(Comparator.naturalOrder()).orElseThrow();
        await("the projection has everything acknowledged before the restart").atMost(DRAIN)
                .pollInterval(Duration.ofMillis(200)).until(() -> projectionHas(before));
        Instant drained = Instant.now();
        load.stop();
        recoveries.add("| %s | %.1f s | %.1f s | %.1f s | %d / %d / %d |".formatted(fault, seconds(faulted, restarted),
                seconds(restarted, writing), seconds(restarted, drained), load.count(Load.Kind.ACKNOWLEDGED, begin),
                load.count(Load.Kind.REFUSED, begin), load.count(Load.Kind.FAILED, begin)));
        System.out.println("fault suite: " + recoveries.getLast());

        await("the projection equal to the source").atMost(DRAIN).pollInterval(Duration.ofMillis(300))
                .until(() -> source().equals(projected()));
        assertConsistent(load.outcomes());
    }

    private void assertConsistent(List<Load.Outcome> outcomes) throws SQLException {
        State source = source();
        State projected = projected();
        assertThat(projected.stores()).as("stores per account, the projection against the source").isEqualTo(source.stores());
        assertThat(projected.accounts()).as("accounts").isEqualTo(source.accounts());
        assertThat(projected.events()).as("every source event applied once").isEqualTo(source.events());
        assertThat(count("projection", "select count(*) from review_event"))
                .as("no event applied twice").isEqualTo(source.events().size());
        for (Load.Outcome acked : acknowledged(outcomes, Instant.now())) {
            switch (acked.command()) {
                case OPEN_ACCOUNT -> assertThat(source.accounts()).contains(acked.id());
                case OPEN_STORE -> assertThat(source.storeIds()).contains(acked.id());
                case INVALID_ACCOUNT -> throw new AssertionError("an invalid account was acknowledged: " + acked);
            }
        }
        assertThat(outcomes.stream().filter(o -> o.command() == Load.Command.INVALID_ACCOUNT))
                .allSatisfy(o -> assertThat(o.kind()).isNotEqualTo(Load.Kind.ACKNOWLEDGED));
        assertThat(count("accounts", "select count(*) from account where owner like 'refused-%'")).as("refused, in the source").isZero();
        assertThat(count("accounts", "select count(*) from kam_outbox where envelope like '%refused-%'")).as("refused, in the outbox").isZero();
        assertThat(count("projection", "select count(*) from review_account where owner like 'refused-%'")).as("refused, in the projection").isZero();
        assertThat(count("accounts", "select count(*) from kam_outbox where published_at is null")).as("outbox drained").isZero();
    }

    private boolean projectionHas(List<Load.Outcome> acknowledged) throws SQLException {
        State projected = projected();
        return acknowledged.stream().allMatch(o -> switch (o.command()) {
            case OPEN_ACCOUNT -> projected.accounts().contains(o.id());
            case OPEN_STORE -> projected.storeIds().contains(o.id());
            case INVALID_ACCOUNT -> true;
        });
    }

    private static List<Load.Outcome> acknowledged(List<Load.Outcome> outcomes, Instant until) {
        return outcomes.stream().filter(o -> o.kind() == Load.Kind.ACKNOWLEDGED && !o.at().isAfter(until)).toList();
    }

    /** Accounts, stores by account and event ids: the source's or the projection's. */
    private record State(Set<UUID> accounts, Map<UUID, Set<UUID>> stores, Set<UUID> events) {
        Set<UUID> storeIds() {
            Set<UUID> ids = new HashSet<>();
            stores.values().forEach(ids::addAll);
            return ids;
        }
    }

    private State source() throws SQLException {
        return state("accounts", "select id from account", "select account_id, id from store",
                "select event_id from kam_outbox where topic = 'kam.accounts.v1'");
    }

    private State projected() throws SQLException {
        return state("projection", "select account_id from review_account", "select account_id, store_id from review_store",
                "select event_id from review_event");
    }

    private State state(String database, String accountsQuery, String storesQuery, String eventsQuery) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            Set<UUID> accountIds = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(accountsQuery)) {
                while (rs.next()) {
                    accountIds.add(rs.getObject(1, UUID.class));
                }
            }
            Map<UUID, Set<UUID>> stores = new HashMap<>();
            try (ResultSet rs = statement.executeQuery(storesQuery)) {
                while (rs.next()) {
                    stores.computeIfAbsent(rs.getObject(1, UUID.class), a -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                }
            }
            Set<UUID> events = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(eventsQuery)) {
                while (rs.next()) {
                    events.add(rs.getObject(1, UUID.class));
                }
            }
            return new State(accountIds, stores, events);
        }
    }

    private long count(String database, String query) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, "postgres", "postgres");
    }

    private void startPostgres() throws Exception {
        postgres = LocalPostgres.start(ROOT.resolve("data"), postgresPort, List.of("accounts", "projection"));
    }

    private Process startAccounts() throws Exception {
        return LocalPlatform.startService(supervisor, ROOT.resolve("apps"), "accounts",
                REPO.resolve("services/accounts/accounts-service/target").toString(), accountsPort,
                environment("KAM_ACCOUNTS_DB_URL", postgres.jdbcUrl("accounts"), "KAM_ACCOUNTS_PORT", accountsPort));
    }

    private Process startProjection() throws Exception {
        return LocalPlatform.startService(supervisor, ROOT.resolve("apps"), "projection",
                REPO.resolve("services/projection/target").toString(), projectionPort,
                environment("KAM_PROJECTION_DB_URL", postgres.jdbcUrl("projection"), "KAM_PROJECTION_PORT", projectionPort));
    }

    /** As {@code make run} sets it, but trusting {@link TestTokens} instead of a Keycloak (the suite needs none). */
    private Map<String, String> environment(String dbVariable, String dbUrl, String portVariable, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAM_KAFKA_BOOTSTRAP", "localhost:" + kafkaPort);
        env.put("KAM_DB_USER", "postgres");
        env.put("KAM_DB_PASSWORD", "postgres");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", TestTokens.ISSUER);
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION", TestTokens.publicKeyLocation());
        env.put(dbVariable, dbUrl);
        env.put(portVariable, String.valueOf(port));
        return env;
    }

    /** {@code kill -9}: the JVM gets no chance to close anything. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A stop as an operator's: SIGTERM, the process shuts down as it can. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
