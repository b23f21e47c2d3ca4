package io.kam.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service in a JVM of its own, as in production: its own heap limit and garbage collector, its own log file, the
 * shared broker and database server of the benchmark.
 */
final class ForkedService implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ForkedService start(String mainClass, List<String> jvmOptions, Map<String, Object> settings, Path log)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.add("--server.port=" + port);
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ForkedService service = new ForkedService(process, port, log);
        service.awaitHealthy(Duration.ofMinutes(2));
        return service;
    }

    private void awaitHealthy(Duration within) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250); // waiting for a process to start; a benchmark, not a test
        }
        throw new IllegalStateException("the service was not healthy within " + within + "; see " + log);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
