package io.kam.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts the platform's processes, one log file each, and stops them all, newest first, on shutdown (Ctrl-C),
 * with their children, so nothing is left behind.
 */
public final class Supervisor {

    private final Path logs;
    // services start side by side, and Ctrl-C may come while they do
    private final Deque<Running> started = new ConcurrentLinkedDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Supervisor(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
    }

    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /** Refuses to go on when a port is taken, naming the component that needs it. */
    static void requireFree(String component, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new StartFailure(component + " needs port " + port + ", which is taken. Stop what uses it "
                    + "(for example: ss -ltnp 'sport = :" + port + "') or set its KAM_*_PORT.");
        }
    }

    public Process start(String name, List<String> command, Map<String, String> environment) {
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            started.push(new Running(name, process));
            return process;
        } catch (IOException e) {
            throw new StartFailure(name + " could not start: " + e.getMessage() + " (log: " + log + ")");
        }
    }

    /** Waits until the check passes; fails with the component's log when the process dies or time runs out. */
    public void await(String name, Process process, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new StartFailure(name + " stopped while starting (exit " + process.exitValue() + "); see " + log(name));
            }
            if (System.nanoTime() > deadline) {
                throw new StartFailure(name + " was not ready within " + timeout.toSeconds() + " s; see " + log(name));
            }
            pause();
        }
    }

    /** Whether the URL answers 200. */
    public boolean answers(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops every process, newest first: the services before the infrastructure they use. */
    public void stopAll() {
        while (!started.isEmpty()) {
            Running running = started.pop();
            if (!running.process().isAlive()) {
                continue;
            }
            ProcessHandle handle = running.process().toHandle();
            List<ProcessHandle> children = handle.descendants().toList();
            handle.destroy();
            try {
                if (!running.process().waitFor(20, TimeUnit.SECONDS)) {
                    handle.destroyForcibly();
                }
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            System.out.println("  stopped " + running.name());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500); // polling a starting process; the launcher is not a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while waiting");
        }
    }

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static void writeString(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Running(String name, Process process) {
    }

    /** A component that did not start, with what to do about it. */
    public static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }
}
