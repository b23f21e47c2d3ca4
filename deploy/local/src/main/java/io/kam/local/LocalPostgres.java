package io.kam.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries fetched by Maven) running from this process, its data directory kept between
 * runs, with one database per service.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static LocalPostgres start(Path data, int port, List<String> databases) throws IOException, SQLException {
        Path directory = data.resolve("postgres");
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rs.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        }
        System.out.println("  PostgreSQL on port " + port + (existing ? " (data kept from the last run)" : " (new data directory)"));
        return new LocalPostgres(server);
    }

    public String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
