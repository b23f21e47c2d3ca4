package io.kam.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The physical limits of this machine's broker and database, measured in the same run as the pipeline so that
 * the pipeline's figures can be read as a share of what the hardware allows.
 */
final class RawLimits {

    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private RawLimits() {
    }

    /** Kafka's own producer benchmark against the same broker, with the relay's producer settings. */
    static KafkaLimit kafka(String bootstrapServers, int records, int recordSize) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "kam.bench.raw-producer", "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "linger.ms=2", "batch.size=262144", "compression.type=lz4"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (TOTAL.matcher(line).find()) {
                    last = line;
                }
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        Matcher m = TOTAL.matcher(last);
        m.find();
        return new KafkaLimit(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(8)), recordSize);
    }

    /** PostgreSQL COPY of outbox-shaped rows into a scratch table of the same database server. */
    static PostgresLimit postgresCopy(DataSource dataSource, int rows, String sampleEnvelope) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var st = connection.createStatement()) {
                st.execute("create temporary table copy_probe (like kam_outbox including all) on commit drop");
            }
            String escaped = sampleEnvelope.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
            StringBuilder data = new StringBuilder(rows * (escaped.length() + 120));
            for (int i = 0; i < rows; i++) {
                data.append(UUID.randomUUID()).append('\t').append("kam.accounts.v1").append('\t')
                        .append(UUID.randomUUID()).append('\t').append("kam.store.opened").append('\t')
                        .append(escaped).append('\n');
            }
            long start = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy copy_probe (event_id, topic, record_key, event_type, envelope) from stdin",
                    new StringReader(data.toString()));
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new PostgresLimit(copied, copied / seconds);
        }
    }

    /**
     * Rows per second a JDBC client reads of a query streamed from the server (fetch size 10,000, each column read),
     * warm: the better of two runs.
     */
    static double jdbcFetch(DataSource dataSource, String query) throws Exception {
        double best = 0;
        for (int run = 0; run < 2; run++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (var st = connection.prepareStatement(query)) {
                    st.setFetchSize(10_000);
                    long start = System.nanoTime();
                    long rows = 0;
                    long checksum = 0;
                    try (var rs = st.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                checksum += String.valueOf(rs.getObject(c)).length();
                            }
                            rows++;
                        }
                    }
                    if (checksum < 0) {
                        throw new IllegalStateException("overflow");
                    }
                    best = Math.max(best, rows / ((System.nanoTime() - start) / 1e9));
                }
                connection.rollback();
            }
        }
        return best;
    }

    record KafkaLimit(long records, double recordsPerSecond, double megabytesPerSecond, int p50Millis, int p99Millis,
                      int recordSize) {
    }

    record PostgresLimit(long rows, double rowsPerSecond) {
    }
}
