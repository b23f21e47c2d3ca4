package io.kam.sellthrough.connector;

import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due connectors every {@code kam.sellthrough.connectors.poll-every} and pulls them one after the other,
 * each claimed so that no other instance pulls it at the same time.
 */
@Component
class PullScheduler {

    private final ConnectorStore store;
    private final PullConnector pull;

    PullScheduler(ConnectorStore store, PullConnector pull) {
        this.store = store;
        this.pull = pull;
    }

    @Scheduled(fixedDelayString = "${kam.sellthrough.connectors.poll-every}")
    void pullDue() {
        for (Optional<ConnectorRow> due = store.claimDue(); due.isPresent(); due = store.claimDue()) {
            pull.pull(due.get());
        }
    }
}
