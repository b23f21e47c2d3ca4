package io.kam.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kam.platform.testing.TestTokens;

/**
 * Writes through the accounts API, one command every {@value #PERIOD_MS} ms on one thread, as Nora: it opens accounts,
 * opens stores on the accounts it opened, and every {@value #REFUSED_EVERY}th command is one the API must refuse
 * (an account without a name, its owner marked {@code refused-…}). Each outcome is kept: acknowledged (2xx, with the
 * id the service gave), refused (4xx) or failed (5xx, no answer: the client cannot know whether it happened).
 */
final class Load implements AutoCloseable {

    static final int PERIOD_MS = 40;
    static final int REFUSED_EVERY = 15;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    enum Kind { ACKNOWLEDGED, REFUSED, FAILED }

    enum Command { OPEN_ACCOUNT, OPEN_STORE, INVALID_ACCOUNT }

    record Outcome(Command command, Kind kind, int status, UUID id, UUID account, Instant at) {
    }

    private final URI base;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fault-load"));
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<UUID> accounts = new CopyOnWriteArrayList<>();
    private final AtomicInteger n = new AtomicInteger();
    private ScheduledFuture<?> running;

    Load(int accountsPort) {
        this.base = URI.create("http://localhost:" + accountsPort);
    }

    synchronized void start() {
        if (running == null) {
            running = thread.scheduleWithFixedDelay(this::one, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops writing; returns once the command under way has its outcome. */
    synchronized void stop() throws InterruptedException, ExecutionException {
        if (running != null) {
            running.cancel(false);
            running = null;
            thread.submit(() -> { }).get();
        }
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    long count(Kind kind, Instant after) {
        return outcomes.stream().filter(o -> o.kind() == kind && o.at().isAfter(after)).count();
    }

    private void one() {
        int i = n.incrementAndGet();
        Command command = i % REFUSED_EVERY == 0 ? Command.INVALID_ACCOUNT
                : accounts.isEmpty() || i % 4 == 0 ? Command.OPEN_ACCOUNT : Command.OPEN_STORE;
        UUID account = command == Command.OPEN_STORE ? accounts.get(i % accounts.size()) : null;
        String path = account == null ? "/api/accounts" : "/api/accounts/" + account + "/stores";
        String body = switch (command) {
            case OPEN_ACCOUNT -> account("Fault " + run + " " + i, "nora");
            case INVALID_ACCOUNT -> account("", "refused-" + run + "-" + i);
            case OPEN_STORE -> """
                    {"code":"S-%d","name":"Store %d","city":"Chengdu","region":"WEST","format":"HYPERMARKET","openingDate":"2020-01-15"}"""
                    .formatted(i, i);
        };
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TestTokens.nora()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                Matcher id = ID.matcher(response.body());
                UUID created = id.find() ? UUID.fromString(id.group(1)) : null;
                outcomes.add(new Outcome(command, Kind.ACKNOWLEDGED, status, created, account, Instant.now()));
                if (command == Command.OPEN_ACCOUNT && created != null) {
                    accounts.add(created);
                }
            } else {
                outcomes.add(new Outcome(command, status < 500 ? Kind.REFUSED : Kind.FAILED, status, null, account,
                        Instant.now()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            outcomes.add(new Outcome(command, Kind.FAILED, 0, null, account, Instant.now()));
        }
    }

    private static String account(String name, String owner) {
        return """
                {"name":"%s","banner":"Fault","format":"HYPERMARKET","ownership":"Domestic private",\
                "headquarters":{"street":"1 Nanjing Road","city":"Shanghai","province":"Shanghai","postalCode":"200001"},\
                "scope":"NATIONAL","owner":"%s"}""".formatted(name, owner);
    }

    @Override
    public void close() throws Exception {
        stop();
        thread.shutdownNow();
    }
}
