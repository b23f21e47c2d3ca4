package io.kam.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher: how it refuses to start, and that it leaves no process behind. */
class KeycloakServerTest {

    @Test
    void the_shared_server_is_started_once_and_serves_the_realm() {
        KeycloakServer first = KeycloakServer.shared();

        assertThat(KeycloakServer.shared()).isSameAs(first);
        assertThat(first.process().isAlive()).isTrue();
        assertThat(processesFor(first.port())).as("kc.sh and the Keycloak JVM").isNotEmpty();
        assertThat(first.logFile()).exists();
        assertThat(first.issuerUri()).isEqualTo("http://localhost:" + first.port() + "/realms/kam");
        assertThat(KeycloakServer.defaultHome().resolve("data/import/kam-realm.json"))
                .hasSameTextualContentAs(KeycloakServer.defaultRealmFile());
    }

    @Test
    void a_port_in_use_is_refused_before_anything_starts() {
        int taken = KeycloakServer.shared().port();

        assertThatThrownBy(() -> KeycloakServer.start(KeycloakServer.defaultHome(), KeycloakServer.defaultRealmFile(),
                taken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + taken + " is already in use");
    }

    @Test
    void a_missing_distribution_is_named(@TempDir Path empty) {
        assertThatThrownBy(() -> KeycloakServer.start(empty, KeycloakServer.defaultRealmFile(), freePort()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Keycloak distribution at " + empty);
    }

    @Test
    void a_server_not_ready_in_time_names_its_log_file_and_leaves_no_process_behind() throws IOException {
        KeycloakServer.shared(); // the distribution is built for development mode by now; this start only runs it
        int port = freePort();
        Path expectedLog = KeycloakServer.defaultHome().resolve("data/log/keycloak-" + port + ".log");

        assertThatThrownBy(() -> KeycloakServer.start(KeycloakServer.defaultHome(), KeycloakServer.defaultRealmFile(),
                port, KeycloakServer.Storage.IN_MEMORY, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not serve realm kam on port " + port)
                .hasMessageContaining(expectedLog.toString());

        assertThat(Files.readString(expectedLog)).isNotBlank();
        await("no process of the aborted server").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(processesFor(port)).isEmpty());
        assertThat(answers(port)).isFalse();
    }

    /**
     * Processes on this machine started for the given port: kc.sh and the Keycloak JVM both carry --http-port. All
     * processes, not only this JVM's descendants: a Keycloak JVM whose kc.sh died would be adopted by init.
     */
    private static List<ProcessHandle> processesFor(int port) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments()
                        .map(args -> Arrays.asList(args).contains("--http-port=" + port))
                        .orElse(false))
                .toList();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
