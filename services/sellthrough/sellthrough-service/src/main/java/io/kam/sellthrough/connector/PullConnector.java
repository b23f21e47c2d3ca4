package io.kam.sellthrough.connector;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.kam.platform.domain.Refused;
import io.kam.platform.web.ApiProblem;
import io.kam.sellthrough.SellThroughProperties;
import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.ConnectorKind;
import io.kam.sellthrough.ingest.BatchRequest;
import io.kam.sellthrough.ingest.IngestBatch;

/**
 * One pull of a connector: the rows after its cursor become a batch, checked like any push, with the same report.
 * The cursor moves in the batch's own transaction (so a pull is ingested once, whatever fails), also past a strict
 * batch that was rejected, whose report then explains. A pull that fails is tried again after a back-off that doubles
 * from {@code first-retry} up to the connector's own interval.
 */
@Service
class PullConnector {

    /** The actor named in the events of pulled batches. */
    static final String ACTOR = "sellthrough-connector";
    private static final Logger log = LoggerFactory.getLogger(PullConnector.class);

    private final HttpSource http;
    private final FolderSource folder;
    private final IngestBatch ingest;
    private final ConnectorStore store;
    private final Duration firstRetry;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    PullConnector(HttpSource http, FolderSource folder, IngestBatch ingest, ConnectorStore store,
                  SellThroughProperties properties,
                  org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.http = http;
        this.folder = folder;
        this.ingest = ingest;
        this.store = store;
        this.firstRetry = properties.connectors().firstRetry();
    }

    void pull(ConnectorRow connector) {
        try {
            Optional<Pulled> source = connector.kind() == ConnectorKind.HTTP ? http.pull(connector) : folder.pull(connector);
            if (source.isEmpty()) {
                store.idle(connector.id());
                return;
            }
            try (Pulled pulled = source.get()) {
                ingest(connector, pulled);
            }
        } catch (PullFailure | ApiProblem | Refused e) {
            failed(connector, e.getMessage());
        } catch (java.io.IOException e) {
            // the exception's own words (the JDK's, a path, what the source sent) stay in the log
            log.warn("Pull of connector {} could not be read: {}", connector.id(), e.toString());
            failed(connector, "the source could not be read to its end; the service log says why");
        } catch (RuntimeException e) {
            log.error("Pull of connector {} failed", connector.id(), e);
            failed(connector, "the pull failed unexpectedly; the service log says why");
        }
    }

    private void ingest(ConnectorRow connector, Pulled pulled) {
        BatchRequest request = new BatchRequest(connector.nextBatchId(), connector.accountId(), BatchSource.PULL,
                connector.id(), connector.mode(), pulled.format(), pulled.charset(), pulled.gzip(), pulled.length(), ACTOR);
        IngestBatch.Outcome outcome = ingest.ingest(request, pulled.body(), status -> store.pulled(connector.id(),
                pulled.nextCursor(), request.id(), status == BatchStatus.REJECTED
                        ? "batch " + request.id() + " was rejected (strict mode); see its report" : null));
        if (outcome.replayed()) {
            store.pulled(connector.id(), pulled.nextCursor(), request.id(), null);
        } else if (outcome.failure() != null) {
            failed(connector, "batch " + request.id() + " failed: " + outcome.failure().code() + ": " + outcome.failure().detail());
        }
    }

    private void failed(ConnectorRow connector, String reason) {
        meters.counter("kam.sellthrough.pull.failures").increment();
        store.failed(connector.id(), reason, backOff(connector));
    }

    /** {@code first-retry} doubled for each failure before this one, never longer than the connector's interval. */
    Duration backOff(ConnectorRow connector) {
        Duration every = Duration.ofSeconds(connector.everySeconds());
        Duration wait = firstRetry.multipliedBy(1L << Math.min(connector.failures(), 20));
        return wait.compareTo(every) > 0 ? every : wait;
    }
}
