package io.kam.platform.outbox;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

@SpringBootApplication
class OutboxTestApplication {

    @EventType("kam.sample.noted")
    record SampleNoted(UUID accountId, int n, String text) implements DomainEvent {
        SampleNoted(UUID accountId, int n) {
            this(accountId, n, "");
        }
    }

    static final EventCatalog<SampleNoted> CATALOG = EventCatalog.of("outbox-test", SampleNoted.class);

    @Service
    static class Notes {
        private final Outbox outbox;

        Notes(Outbox outbox) {
            this.outbox = outbox;
        }

        @Transactional
        void note(UUID account, int from, int count) {
            for (int i = from; i < from + count; i++) {
                outbox.append(CATALOG, new SampleNoted(account, i), "tester");
            }
        }

        /** One event carrying {@code text}, in a transaction of its own. */
        @Transactional
        void write(UUID account, int n, String text) {
            outbox.append(CATALOG, new SampleNoted(account, n, text), "tester");
        }

        @Transactional
        void noteThenFail(UUID account) {
            outbox.append(CATALOG, new SampleNoted(account, -1), "tester");
            throw new IllegalStateException("the state change failed");
        }

        void noteWithoutTransaction(UUID account) {
            outbox.appendAll(CATALOG, List.of(new SampleNoted(account, -2)), "tester");
        }
    }
}
