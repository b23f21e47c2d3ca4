package io.kam.sellthrough.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.kam.sellthrough.SellThroughProperties;
import io.kam.sellthrough.api.RowFormat;
import io.kam.sellthrough.ingest.BodyFormat;

/**
 * Pulls from a drop folder below the service's drop root: the first file, by name, after the last one taken (the
 * cursor). Files still being written are left alone: hidden ones, those ending {@code .part} or {@code .tmp}, and those
 * changed within the settle time. The name says the format ({@code .csv}, {@code .ndjson} or {@code .jsonl}, each
 * optionally {@code .gz}); otherwise the connector's format applies. Files are only read, never moved or deleted.
 */
@Component
class FolderSource {

    private final Path root;
    private final Duration settle;

    FolderSource(SellThroughProperties properties) {
        this.root = properties.connectors().dropRoot().toAbsolutePath().normalize();
        this.settle = properties.connectors().settle();
    }

    Optional<Pulled> pull(ConnectorRow connector) throws PullFailure {
        Path folder = root.resolve(connector.folder()).normalize();
        if (!folder.startsWith(root)) {
            throw new PullFailure("the drop folder must lie below the drop root");
        }
        if (!Files.isDirectory(folder)) {
            throw new PullFailure("the drop folder " + connector.folder() + " does not exist below the drop root");
        }
        Instant settled = Clock.systemUTC().instant().minus(settle);
        String after = connector.cursor() == null ? "" : connector.cursor();
        Optional<Path> next;
        try (Stream<Path> files = Files.list(folder)) {
            next = files.filter(file -> candidate(file, after, settled)).min(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            throw new PullFailure("could not list the drop folder: " + e.getMessage(), e);
        }
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Path file = next.get();
        String name = file.getFileName().toString();
        String plain = name.toLowerCase(Locale.ROOT);
        boolean gzip = plain.endsWith(".gz");
        String stem = gzip ? plain.substring(0, plain.length() - 3) : plain;
        RowFormat format = stem.endsWith(".csv") ? RowFormat.CSV
                : stem.endsWith(".ndjson") || stem.endsWith(".jsonl") ? RowFormat.NDJSON : connector.format();
        try {
            return Optional.of(new Pulled(Files.newInputStream(file), format, BodyFormat.charset(connector.charset()), gzip,
                    Files.size(file), name));
        } catch (IOException e) {
            throw new PullFailure("could not open " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean candidate(Path file, String after, Instant settled) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.compareTo(after) <= 0) {
            return false;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() && !attributes.lastModifiedTime().toInstant().isAfter(settled);
        } catch (IOException e) {
            return false;
        }
    }
}
