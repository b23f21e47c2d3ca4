package io.kam.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.kam.platform.keycloak.KeycloakServer;

/**
 * {@code make run}: the whole platform on this machine, from real parts fetched by Maven. Data lives under
 * {@code .run/data} and survives restarts ({@code make reset} wipes it); every process logs to
 * {@code .run/logs/<name>.log}; Ctrl-C stops everything. Ports and their variables are in {@link Ports}.
 */
public final class LocalPlatform {

    /**
     * Each service's JVM: small and quick to start by default (C1 only, serial collector), as a laptop wants;
     * {@code KAM_SERVICE_JVM_OPTIONS} replaces them (space-separated), as the reviews benchmark does with the JIT and
     * collector a server would run.
     */
    static final List<String> JVM_OPTIONS = List.of(System.getenv().getOrDefault("KAM_SERVICE_JVM_OPTIONS",
            "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+"));

    /**
     * How many services start at once: each start is mostly CPU (class loading, the context's refresh), so one more
     * than the cores keeps them busy while a start waits on its database or the broker.
     */
    static final int STARTS_AT_ONCE = Runtime.getRuntime().availableProcessors() + 1;

    /** {@code make run} gives each service an ahead-of-time cache (see {@link #aheadOfTimeCache}) unless this says false. */
    static final boolean AOT_CACHE = !"false".equalsIgnoreCase(System.getenv("KAM_AOT_CACHE"));

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("KAM_RUN_DIR", ".run")).toAbsolutePath();
        Ports ports = Ports.fromEnvironment();
        Supervisor supervisor = new Supervisor(root.resolve("logs"));
        CountDownLatch stopped = new CountDownLatch(1);
        List<AutoCloseable> inProcess = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform...");
            supervisor.stopAll();
            inProcess.forEach(LocalPlatform::closeQuietly);
            stopped.countDown();
        }, "kam-local-stop"));
        long start = System.nanoTime();
        ExecutorService starts = Executors.newFixedThreadPool(STARTS_AT_ONCE + 1);
        try {
            ports.requireAllFree();
            System.out.println("Starting KAM Platform (data: " + root.resolve("data") + ", logs: " + root.resolve("logs") + ")");
            // Keycloak starts longest and needs nothing: it comes up while the rest does. Services check tokens
            // against it only when a request comes (the web app, a client of it, starts once it is up).
            CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                    KeycloakServer.defaultHome(), KeycloakServer.defaultRealmFile(), ports.keycloak(),
                    KeycloakServer.Storage.FILE, Duration.ofMinutes(3)), starts);
            LocalPostgres postgres = LocalPostgres.start(root.resolve("data"), ports.postgres(),
                    List.of("accounts", "prospects", "visits", "sellthrough", "promotions", "negotiations",
                            "projection"));
            inProcess.add(postgres);
            LocalKafka.start(supervisor, root.resolve("data"), ports.kafka(), ports.kafkaController());
            System.out.println("  Kafka on port " + ports.kafka());
            Map<String, String> common = new LinkedHashMap<>();
            common.put("KAM_KAFKA_BOOTSTRAP", "localhost:" + ports.kafka());
            common.put("KAM_DB_USER", "postgres");
            common.put("KAM_DB_PASSWORD", "postgres");
            common.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "http://localhost:" + ports.keycloak() + "/realms/kam");
            Path apps = root.resolve("apps");
            List<CompletableFuture<?>> services = new ArrayList<>();
            services.add(startLater(starts, supervisor, apps, "accounts", "services/accounts/accounts-service/target", ports.accounts(),
                    with(common, "KAM_ACCOUNTS_DB_URL", postgres.jdbcUrl("accounts"), "KAM_ACCOUNTS_PORT", ports.accounts())));
            services.add(startLater(starts, supervisor, apps, "prospects", "services/prospects/prospects-service/target",
                    ports.prospects(), with(common, "KAM_PROSPECTS_DB_URL", postgres.jdbcUrl("prospects"),
                            "KAM_PROSPECTS_PORT", ports.prospects())));
            services.add(startLater(starts, supervisor, apps, "sellthrough", "services/sellthrough/sellthrough-service/target",
                    ports.sellThrough(), with(common, "KAM_SELLTHROUGH_DB_URL", postgres.jdbcUrl("sellthrough"),
                            "KAM_SELLTHROUGH_PORT", ports.sellThrough(), "KAM_SELLTHROUGH_DROP_ROOT",
                            root.resolve("drop").toString(),
                            // HTTP connectors may pull from sources on this machine (never so in production)
                            "KAM_SELLTHROUGH_CONNECTOR_HOSTS", "localhost",
                            "KAM_SELLTHROUGH_CONNECTOR_PRIVATE_ADDRESSES", "true")));
            services.add(startLater(starts, supervisor, apps, "projection", "services/projection/target", ports.projection(),
                    with(common, "KAM_PROJECTION_DB_URL", postgres.jdbcUrl("projection"), "KAM_PROJECTION_PORT", ports.projection())));
            services.add(startLater(starts, supervisor, apps, "visits", "services/visits/visits-service/target", ports.visits(),
                    with(common, "KAM_VISITS_DB_URL", postgres.jdbcUrl("visits"), "KAM_VISITS_PORT", ports.visits())));
            services.add(startLater(starts, supervisor, apps, "promotions", "services/promotions/promotions-service/target",
                    ports.promotions(), with(common, "KAM_PROMOTIONS_DB_URL", postgres.jdbcUrl("promotions"),
                            "KAM_PROMOTIONS_PORT", ports.promotions())));
            services.add(startLater(starts, supervisor, apps, "negotiations", "services/negotiations/negotiations-service/target",
                    ports.negotiations(), with(common, "KAM_NEGOTIATIONS_DB_URL", postgres.jdbcUrl("negotiations"),
                            "KAM_NEGOTIATIONS_PORT", ports.negotiations())));
            services.add(startLater(starts, supervisor, apps, "gateway", "services/gateway/target", ports.gateway(), with(common,
                    "KAM_ACCOUNTS_URL", "http://localhost:" + ports.accounts(), "KAM_GATEWAY_PORT", ports.gateway(),
                    "KAM_PROJECTION_URL", "http://localhost:" + ports.projection(),
                    "KAM_PROSPECTS_URL", "http://localhost:" + ports.prospects(),
                    "KAM_VISITS_URL", "http://localhost:" + ports.visits(),
                    "KAM_SELLTHROUGH_URL", "http://localhost:" + ports.sellThrough(),
                    "KAM_PROMOTIONS_URL", "http://localhost:" + ports.promotions(),
                    "KAM_NEGOTIATIONS_URL", "http://localhost:" + ports.negotiations(),
                    "KAM_GATEWAY_WEB", "http://localhost:" + ports.web())));
            KeycloakServer keycloak = joined(keycloakStart);
            inProcess.add(keycloak);
            linkLog(root.resolve("logs").resolve("keycloak.log"), keycloak.logFile());
            System.out.println("  Keycloak on port " + ports.keycloak() + " (realm kam)");
            services.add(startLater(starts, supervisor, apps, "web", "services/web/target", ports.web(), with(common,
                    "KAM_WEB_PORT", ports.web(), "KAM_GATEWAY_URL", "http://localhost:" + ports.gateway(),
                    "KAM_KEYCLOAK_ISSUER", "http://localhost:" + ports.keycloak() + "/realms/kam")));
            services.forEach(LocalPlatform::joined);
            starts.shutdown();
            if (!"false".equalsIgnoreCase(System.getenv("KAM_DEMO_DATA"))) {
                int created = DemoData.seed(Path.of("deploy/demo/demo-data.json"), "http://localhost:" + ports.gateway(),
                        keycloak.tokenUri());
                System.out.println("  demo data: " + (created == 0 ? "already there" : created + " retail chains seeded")
                        + " (deploy/demo/demo-data.json; KAM_DEMO_DATA=false skips it)");
            }
            System.out.printf("%nKAM Platform is up after %d s.%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
            System.out.println("  web app     http://localhost:" + ports.gateway() + "/  (log in as nora / nora-dev; zh-CN or en)");
            System.out.println("  gateway     http://localhost:" + ports.gateway() + "  (the single entry; every path but /actuator/health needs a token)");
            System.out.println("  accounts    http://localhost:" + ports.accounts() + "  (OpenAPI: /v3/api-docs)");
            System.out.println("  prospects   http://localhost:" + ports.prospects() + "  (OpenAPI: /v3/api-docs)");
            System.out.println("  visits      http://localhost:" + ports.visits() + "  (OpenAPI: /v3/api-docs)");
            System.out.println("  sell-through http://localhost:" + ports.sellThrough() + "  (POS uploads; drop folders in "
                    + root.resolve("drop") + ")");
            System.out.println("  promotions  http://localhost:" + ports.promotions() + "  (OpenAPI: /v3/api-docs)");
            System.out.println("  negotiations http://localhost:" + ports.negotiations() + "  (OpenAPI: /v3/api-docs)");
            System.out.println("  projection  http://localhost:" + ports.projection());
            System.out.println("  Keycloak    http://localhost:" + ports.keycloak() + "/admin  (admin / admin, DEV ONLY)");
            System.out.println("  logs        " + root.resolve("logs") + " (one file per process)");
            System.out.println("Dev logins (DEV ONLY): nora / nora-dev and nate / nate-dev (national KA managers),");
            System.out.println("  eric / eric-dev (coordinator, EAST), sofia / sofia-dev (coordinator, SOUTH);");
            System.out.println("  client kam-integration / kam-integration-dev (bound to no retailer: refused until an operator");
            System.out.println("  binds it, docs/runbook.md), client kam-monitoring / kam-monitoring-dev (operator: metrics).");
            System.out.println("A token for the API, e.g. for nora:");
            System.out.println("  curl -s -d grant_type=password -d client_id=kam-web -d username=nora -d password=nora-dev \\");
            System.out.println("    " + keycloak.tokenUri() + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'");
            System.out.println("Ctrl-C stops everything.");
        } catch (Supervisor.StartFailure | IllegalStateException | UncheckedIOException e) {
            System.err.println("KAM Platform did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /**
     * Starts one service as {@code make run} does, from the {@code *-exec.jar} in {@code target} extracted under
     * {@code apps/<name>}, and waits until its health answers on {@code port}; the fault suite restarts services so.
     */
    public static Process startService(Supervisor supervisor, Path apps, String name, String target, int port,
                                       Map<String, String> env) throws IOException, InterruptedException {
        return startService(supervisor, apps, name, target, port, env, false);
    }

    private static Process startService(Supervisor supervisor, Path apps, String name, String target, int port,
                                        Map<String, String> env, boolean aotCache) throws IOException, InterruptedException {
        Path jar = extracted(supervisor, executableJar(Path.of(target)), apps.resolve(name));
        List<String> command = new ArrayList<>();
        command.add(Supervisor.java().toString());
        command.addAll(JVM_OPTIONS);
        if (aotCache) {
            command.addAll(aheadOfTimeCache(supervisor, name, jar, env));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Process process = supervisor.start(name, command, env);
        supervisor.await(name, process, Duration.ofSeconds(90),
                () -> supervisor.answers("http://localhost:" + port + "/actuator/health"));
        System.out.println("  " + name + " on port " + port);
        return process;
    }

    /** Starts a service on the launcher's pool; a failure comes back from the future. */
    private static CompletableFuture<Process> startLater(ExecutorService starts, Supervisor supervisor, Path apps,
                                                         String name, String target, int port, Map<String, String> env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return startService(supervisor, apps, name, target, port, env, AOT_CACHE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Supervisor.StartFailure(name + ": interrupted while starting");
            }
        }, starts);
    }

    /** The started component, or the failure that stopped it, as the start itself would have thrown it. */
    private static <T> T joined(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * The JVM options that let a service start from an ahead-of-time cache of the classes it loads and links while
     * starting (JDK 25's AOT cache, JEP 483 and 514; on JDK 21 to 24 a dynamic class-data-sharing archive). The cache is
     * made once by a training start that stops when the application context has refreshed
     * ({@code spring.context.exit=onRefresh}, against the real database and broker, so its migrations are the real
     * ones), and made again when the jar, the JVM or its options change. A training start that leaves no cache leaves
     * the service to start without one: the cache only saves time.
     */
    private static List<String> aheadOfTimeCache(Supervisor supervisor, String name, Path jar, Map<String, String> env)
            throws IOException, InterruptedException {
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = jar.resolveSibling(name + (aot ? ".aot" : ".jsa"));
        Path stamp = jar.resolveSibling(name + ".cache-options");
        String options = Runtime.version() + " " + String.join(" ", JVM_OPTIONS);
        boolean fresh = Files.exists(cache) && Files.exists(stamp) && Files.readString(stamp).equals(options)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
        if (!fresh) {
            Files.deleteIfExists(cache);
            List<String> training = new ArrayList<>();
            training.add(Supervisor.java().toString());
            training.addAll(JVM_OPTIONS);
            training.addAll(List.of((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache,
                    "-Dspring.context.exit=onRefresh", "-jar", jar.toString()));
            Process process = supervisor.start(name + "-training", training, env);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            if (!Files.exists(cache)) {
                System.out.println("  " + name + ": no start-up cache was made (see " + supervisor.log(name + "-training")
                        + "); it starts without one");
                return List.of();
            }
            Files.writeString(stamp, options);
        }
        return List.of((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
    }

    /**
     * Runs a service from its extracted form (Spring Boot's {@code jarmode=tools extract}: the application jar beside
     * its libraries), not from the nested fat jar, in which Micronaut cannot list its bean definitions.
     */
    private static Path extracted(Supervisor supervisor, Path executable, Path destination)
            throws IOException, InterruptedException {
        Path application = destination.resolve(executable.getFileName());
        if (!Files.exists(application) || Files.getLastModifiedTime(application).compareTo(Files.getLastModifiedTime(executable)) < 0) {
            Process extract = supervisor.start("extract-" + destination.getFileName(), List.of(Supervisor.java().toString(),
                    "-Djarmode=tools", "-jar", executable.toString(), "extract", "--force", "--destination",
                    destination.toString()), Map.of());
            if (extract.waitFor() != 0) {
                throw new Supervisor.StartFailure("could not extract " + executable + "; see "
                        + supervisor.log("extract-" + destination.getFileName()));
            }
        }
        return application;
    }

    private static Path executableJar(Path target) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below
        }
        throw new Supervisor.StartFailure("no runnable jar in " + target + "; 'make run' builds it, or run 'make build'");
    }

    /** The common environment plus name/value pairs (values may be numbers). */
    private static Map<String, String> with(Map<String, String> common, Object... pairs) {
        Map<String, String> env = new LinkedHashMap<>(common);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return env;
    }

    private static Map<String, String> with(Map<String, String> common, String key, String value, String portKey, int port,
                                            String key2, String value2, String key3, String value3) {
        Map<String, String> env = with(common, key, value, portKey, port, key2, value2);
        env.put(key3, value3);
        return env;
    }

    /** Keycloak writes its log in its own home; a link puts it beside the others. */
    private static void linkLog(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("  could not stop cleanly: " + e.getMessage());
        }
    }
}
