package io.kam.platform.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * A real Keycloak, the upstream server distribution run as a child process in development mode with the
 * {@code kam} realm imported.
 *
 * <p>{@link #start} copies the realm file into {@code <home>/data/import/}, runs
 * {@code bin/kc.sh start-dev --import-realm --http-port=<port>} with the running JVM as {@code JAVA_HOME}, a bootstrap
 * admin ({@value #ADMIN_USERNAME}/{@value #ADMIN_PASSWORD}, DEV ONLY) and a modest heap, sends its output to a log
 * file, and returns once the realm's OpenID configuration answers 200. {@link #close} (or, failing that, a JVM
 * shutdown hook) ends the whole process tree: {@code kc.sh} and the Java process it launches.
 *
 * <p>The issuer is pinned to {@code http://localhost:<port>/realms/kam} ({@code --hostname}), so tokens carry the same
 * {@code iss} however the server is reached.
 *
 * <p>The distribution comes from Maven: this module's build unpacks {@code org.keycloak:keycloak-quarkus-dist} into
 * its {@code target/}. {@link #shared()} finds it (and the realm, {@code deploy/keycloak/kam-realm.json}) through the
 * system properties {@value #HOME_PROPERTY} and {@value #REALM_PROPERTY}, or else the paths recorded at build time
 * in {@code kam-keycloak.properties}.
 *
 * <p>Tests use {@link Storage#IN_MEMORY}, so every start begins from the realm file alone and several servers can
 * run from one home on different ports. Two {@link Storage#FILE} servers must not share a home: the file database
 * lives in {@code <home>/data/h2}. The very first start of a fresh distribution also builds it for development mode
 * ({@code lib/quarkus}), which is why it is slower.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The realm every KAM service trusts. */
    public static final String REALM = "kam";
    /** Bootstrap administrator of the {@code master} realm. DEV ONLY. */
    public static final String ADMIN_USERNAME = "admin";
    /** Bootstrap administrator's password. DEV ONLY. */
    public static final String ADMIN_PASSWORD = "admin";
    /** System property naming the unpacked distribution, overriding the build-time default. */
    public static final String HOME_PROPERTY = "kam.keycloak.home";
    /** System property naming the realm file, overriding the build-time default. */
    public static final String REALM_PROPERTY = "kam.keycloak.realm";

    /** Heap of the Keycloak JVM: the machines have two cores and several JVMs; Keycloak's own default is 512 MB. */
    static final String HEAP = "-Xms64m -Xmx384m";
    /**
     * C1 only: a development server starts faster and answers a handful of requests. The add-opens is for JDK 24+,
     * where jboss-threads otherwise fails on its worker threads (seen at shutdown with JDK 25).
     */
    static final String JAVA_OPTS_APPEND = "-XX:TieredStopAtLevel=1 --add-opens=java.base/java.lang=ALL-UNNAMED";
    /** Cold starts on a busy two-core machine take about 45 s; beyond this something is wrong. */
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);

    /** Where the server keeps its data. */
    public enum Storage {
        /** An in-memory H2 database: nothing survives a stop; each start imports the realm file afresh. For tests. */
        IN_MEMORY,
        /**
         * The development file database in {@code <home>/data/h2}: changes made in the admin console survive a
         * restart, and an existing realm is NOT re-imported; when the realm file has changed since the database was
         * made from it, the database is started over from the file.
         */
        FILE
    }

    private static volatile @Nullable KeycloakServer shared;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    /** Processes seen in the tree, remembered so that one orphaned by a dead kc.sh is still stopped. */
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private KeycloakServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "kam-keycloak-stop-" + port);
    }

    /**
     * One server per JVM, started on a free port with {@link Storage#IN_MEMORY} on the first call and stopped when
     * the JVM exits.
     */
    public static KeycloakServer shared() {
        KeycloakServer current = shared;
        if (current == null) {
            synchronized (KeycloakServer.class) {
                current = shared;
                if (current == null) {
                    current = start(defaultHome(), defaultRealmFile(), freePort(), Storage.IN_MEMORY,
                            DEFAULT_START_TIMEOUT);
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * Runs Keycloak in the foreground until this JVM is stopped (Ctrl-C), for local use:
     * {@code java -cp platform/keycloak/target/classes io.kam.platform.keycloak.KeycloakServer [port] [file|memory]}.
     * Defaults: port 8180, {@link Storage#FILE} (changes survive a restart).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8180;
        Storage storage = args.length > 1 && args[1].equalsIgnoreCase("memory") ? Storage.IN_MEMORY : Storage.FILE;
        KeycloakServer server = start(defaultHome(), defaultRealmFile(), port, storage, DEFAULT_START_TIMEOUT);
        System.out.println("Keycloak is serving realm " + REALM + " at " + server.issuerUri() + " (admin console "
                + server.baseUrl() + "/admin, " + ADMIN_USERNAME + "/" + ADMIN_PASSWORD + ", DEV ONLY); log "
                + server.logFile() + ". Ctrl-C stops it.");
        server.process.waitFor();
    }

    /** Starts a server with {@link Storage#IN_MEMORY} and the default timeout; see {@link #start(Path, Path, int, Storage, Duration)}. */
    public static KeycloakServer start(Path home, Path realmFile, int port) {
        return start(home, realmFile, port, Storage.IN_MEMORY, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts Keycloak and waits until the {@code kam} realm is served.
     *
     * @param home      the unpacked distribution (the folder holding {@code bin/kc.sh})
     * @param realmFile the realm to import, {@code deploy/keycloak/kam-realm.json}
     * @param port      the HTTP port; must be free
     * @param storage   where the server keeps its data
     * @param timeout   how long to wait for the realm to be served
     * @return the running server
     * @throws IllegalStateException if the port is taken, the server exits, or it is not ready in time; the
     *                               message names the log file, and nothing is left running
     */
    public static KeycloakServer start(Path home, Path realmFile, int port, Storage storage, Duration timeout) {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("no Keycloak distribution at " + home + " (expected an executable "
                    + kcSh + "); build platform/keycloak, which unpacks it from Maven");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("no realm file at " + realmFile);
        }
        if (portAnswers(port)) {
            throw new IllegalStateException("port " + port + " is already in use; Keycloak needs a free port");
        }
        Path logFile;
        try {
            if (storage == Storage.FILE) {
                forgetAnOutdatedRealm(home, realmFile);
            }
            installRealm(home, realmFile);
            Path logDir = Files.createDirectories(home.resolve("data/log"));
            logFile = logDir.resolve("keycloak-" + port + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + home, e);
        }

        List<String> command = new ArrayList<>(List.of(kcSh.toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--hostname=http://localhost:" + port));
        if (storage == Storage.IN_MEMORY) {
            // Same database kind (H2) as the development file database, so no re-augmentation of the distribution;
            // only the URL, a runtime option, differs.
            command.add("--db-url=jdbc:h2:mem:kam" + port + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Settings inherited from a developer's shell would change what starts; the launcher decides them all.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + kcSh + "; see " + logFile, e);
        }
        KeycloakServer server = new KeycloakServer(process, port, logFile);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.awaitReady(timeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The issuer of the {@code kam} realm's tokens, e.g. {@code http://localhost:8180/realms/kam}. */
    public String issuerUri() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The realm's token endpoint. */
    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** The server's base URL, e.g. {@code http://localhost:8180}; the admin console is under {@code /admin}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Everything the server and {@code kc.sh} wrote. */
    public Path logFile() {
        return logFile;
    }

    /** The {@code kc.sh} process; the Keycloak JVM is one of its descendants, or {@code kc.sh} itself after an exec. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Stops the server and every process it started; waits for them to end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to
        }
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        rememberTree();
        List<ProcessHandle> tree = new ArrayList<>(seen);
        // Gracefully first: kc.sh forwards TERM to its Java process, and Keycloak shuts down in a second or two.
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle handle : tree) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                if (left.isPositive()) {
                    handle.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (TimeoutException | ExecutionException e) {
                // forced below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before serving realm " + REALM + " on port " + port + "; see " + logFile
                        + tail());
            }
            try {
                lastStatus = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    rememberTree();
                    return;
                }
            } catch (ConnectException notYetListening) {
                // still starting
            } catch (IOException e) {
                // still starting, or answering slowly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak; see " + logFile, e);
            }
            try {
                // pauses between probes, and notices at once if the process dies meanwhile
                process.onExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // probe again
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not watch the Keycloak process; see " + logFile, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak; see " + logFile, e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " on port " + port + " within "
                + timeout.toSeconds() + " s (last status " + lastStatus + "); see " + logFile + tail());
    }

    private void rememberTree() {
        seen.add(process.toHandle());
        process.toHandle().descendants().forEach(seen::add);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "\n--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /**
     * The file database keeps the realm as first imported, and Keycloak never imports an existing realm again: after a
     * change to the realm file (a new client scope, role or mapper) every token it issued would be refused. So the
     * database remembers the digest of the realm file it was made from, and is started over when the file changed.
     * What was changed in the admin console is lost then; the log line says so.
     */
    static void forgetAnOutdatedRealm(Path home, Path realmFile) throws IOException {
        Path database = home.resolve("data/h2");
        Path marker = home.resolve("data/realm-file.sha256");
        String digest = sha256(Files.readAllBytes(realmFile));
        boolean current = Files.isRegularFile(marker) && Files.readString(marker).strip().equals(digest);
        if (!current && Files.isDirectory(database)) {
            System.out.println("  " + realmFile.getFileName() + " changed since Keycloak's development database was made"
                    + " from it: starting that database over (changes made in the admin console are lost)");
            try (var all = Files.walk(database)) {
                for (Path each : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, digest);
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the realm into the import folder, atomically, so a starting server never reads half a file. */
    private static void installRealm(Path home, Path realmFile) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Path target = importDir.resolve(realmFile.getFileName());
        Path temporary = Files.createTempFile(home.resolve("data"), "realm-", ".json.tmp");
        try {
            Files.copy(realmFile, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The unpacked distribution: system property {@value #HOME_PROPERTY}, else the build's. */
    public static Path defaultHome() {
        return Path.of(setting(HOME_PROPERTY, "home")).normalize();
    }

    /** The realm file: system property {@value #REALM_PROPERTY}, else the build's. */
    public static Path defaultRealmFile() {
        return Path.of(setting(REALM_PROPERTY, "realm")).normalize();
    }

    private static String setting(String property, String key) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return value;
        }
        Properties built = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("kam-keycloak.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        value = built.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set the system property " + property);
        }
        return value;
    }
}
