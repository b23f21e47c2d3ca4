package io.kam.sellthrough;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sell-through service ({@code kam.sellthrough.*}; defaults in {@code kam-sellthrough.properties}).
 *
 * @param chunkRows         valid rows copied into PostgreSQL and upserted at a time
 * @param linesPerEvent     the most lines one recorded or restated event carries
 * @param maxLineBytes      the longest line accepted; a longer one is rejected without being kept
 * @param maxBufferedLines  lines waiting in per-day buffers before the fullest buffers are published early
 * @param concurrentBatches batches written to the database at once; more wait their turn
 * @param accountLockWait   how long a batch waits for another batch of the same account before it is refused
 * @param staleAfter        a receiving batch without progress for this long is taken to have died with its instance
 * @param maxBodyBytes      the most a batch's body may hold once decompressed; a longer body fails the batch (413)
 * @param maxRows           the most rows one batch may hold; one more fails the batch (422 too-many-rows)
 * @param maxStoredRejections the most reasons for rejected rows kept per batch for its report; rejected rows beyond
 *                          them are counted, not kept
 * @param rejectionsRetention how long the rejection reasons of a finished batch are kept before they are pruned
 * @param maxUploadDuration the longest a batch's body may take to arrive (it holds the account's lock and a database
 *                          connection meanwhile); a slower one fails the batch (400 upload-too-slow)
 */
@ConfigurationProperties("kam.sellthrough")
public record SellThroughProperties(int chunkRows, int linesPerEvent, int maxLineBytes, int maxBufferedLines,
                                   int concurrentBatches, Duration accountLockWait, Duration staleAfter,
                                   DataSize maxBodyBytes, long maxRows, int maxStoredRejections,
                                   Duration rejectionsRetention, Duration maxUploadDuration, Connectors connectors) {

    public SellThroughProperties {
        if (chunkRows < 1 || linesPerEvent < 1 || maxLineBytes < 64 || maxBufferedLines < linesPerEvent
                || concurrentBatches < 1) {
            throw new IllegalArgumentException("kam.sellthrough: chunk-rows, lines-per-event and concurrent-batches must be "
                    + "positive, max-line-bytes at least 64, max-buffered-lines at least lines-per-event");
        }
        if (maxBodyBytes.toBytes() < 1024 || maxRows < 1 || maxStoredRejections < 0 || rejectionsRetention.isNegative()
                || !maxUploadDuration.isPositive()) {
            throw new IllegalArgumentException("kam.sellthrough: max-body-bytes must be at least 1KB, max-rows positive, "
                    + "max-stored-rejections and rejections-retention not negative, max-upload-duration positive");
        }
        // An event must stay far below the broker's 1 MB record limit: a line is at most about 150 bytes.
        if (linesPerEvent > 5_000) {
            throw new IllegalArgumentException("kam.sellthrough.lines-per-event must be at most 5000");
        }
    }

    /**
     * @param pollEvery  how often due connectors are looked for
     * @param firstRetry the wait after a first failed pull; it doubles with each failure, up to the connector's interval
     * @param dropRoot   the folder that holds every drop folder; a connector names one below it
     * @param settle     how long a dropped file must be left unchanged before it is taken
     * @param timeout    how long an HTTP pull may take to connect and to answer
     * @param readTimeout how long an HTTP source may send nothing once its answer streams before the pull fails
     * @param allowedHosts the hosts HTTP connectors may call: exact hosts, or {@code *.suffix} for any host below the
     *                     suffix; none when empty
     * @param allowPrivateAddresses whether an allowed host may resolve to a loopback, link-local, private,
     *                     unique-local, multicast or any-local address (local development and tests only)
     */
    public record Connectors(Duration pollEvery, Duration firstRetry, Path dropRoot, Duration settle, Duration timeout,
                             Duration readTimeout, java.util.List<String> allowedHosts, boolean allowPrivateAddresses) {

        public Connectors {
            allowedHosts = allowedHosts == null ? java.util.List.of() : java.util.List.copyOf(allowedHosts);
        }
    }
}
