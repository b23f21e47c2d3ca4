package io.kam.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real infrastructure of a test JVM: one KRaft Kafka broker and one PostgreSQL server, started on first use
 * and shared by every test class in the JVM, stopped when the JVM exits. Each service gets its own database,
 * as in production.
 */
public final class KamInfrastructure {

    /** Partitions of every topic the broker creates by itself; more than one, so ordering per key is exercised. */
    public static final int PARTITIONS = 3;

    private static volatile KamInfrastructure shared;

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;

    private KamInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The shared infrastructure, started on the first call. */
    public static KamInfrastructure get() {
        KamInfrastructure current = shared;
        if (current == null) {
            synchronized (KamInfrastructure.class) {
                current = shared;
                if (current == null) {
                    current = start();
                    shared = current;
                }
            }
        }
        return current;
    }

    private static KamInfrastructure start() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0"));
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        kafka.afterPropertiesSet();
        KamInfrastructure infrastructure = new KamInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "kam-test-infrastructure-stop"));
        return infrastructure;
    }

    private void stop() {
        try {
            kafka.destroy();
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is exiting; the data directory is temporary
            }
        }
    }

    public String bootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public EmbeddedKafkaKraftBroker kafka() {
        return kafka;
    }

    /** A JDBC URL for the named database, which is created on first use. */
    public String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by another context
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    public DataSource dataSource(String database) {
        jdbcUrl(database);
        return postgres.getDatabase("postgres", database);
    }

    /**
     * Spring properties that point a service at its own database and the shared broker, and make it trust the
     * tokens {@link TestTokens} signs (issuer and public key), as it trusts Keycloak's in production.
     */
    public Map<String, Object> springProperties(String database) {
        return Map.of(
                "spring.datasource.url", jdbcUrl(database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.kafka.bootstrap-servers", bootstrapServers(),
                TestTokens.ISSUER_PROPERTY, TestTokens.ISSUER,
                TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation());
    }
}
