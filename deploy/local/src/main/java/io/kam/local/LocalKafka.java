package io.kam.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A single-node KRaft broker (broker and controller in one), as its own process, its data kept between runs. */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static Process start(Supervisor supervisor, Path data, int port, int controllerPort) throws Exception {
        Path logDir = data.resolve("kafka");
        Path config = data.resolve("kafka-server.properties");
        Supervisor.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        List<String> base = List.of(Supervisor.java().toString(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Process format = supervisor.start("kafka-format", concat(base, "kafka.tools.StorageTool", "format",
                    "-t", org.apache.kafka.common.Uuid.randomUuid().toString(), "-c", config.toString()), Map.of());
            if (format.waitFor() != 0) {
                throw new Supervisor.StartFailure("Kafka storage could not be formatted; see " + supervisor.log("kafka-format"));
            }
        }
        Process broker = supervisor.start("kafka", concat(base, "kafka.Kafka", config.toString()), Map.of());
        supervisor.await("kafka", broker, Duration.ofSeconds(60), () -> reachable(port));
        return broker;
    }

    private static boolean reachable(int port) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more)).toList();
    }
}
