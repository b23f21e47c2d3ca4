package io.kam.platform.contracts;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.ContractTopics;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A service as the platform expects one: it declares its contract topics and listens with one line per topic. */
@SpringBootApplication
class ContractsTestApplication {

    /** The contract this service publishes. */
    sealed interface ShipmentEvent extends DomainEvent permits Shipped {
    }

    @EventType("kam.contracts-test.shipped")
    record Shipped(UUID accountId, int boxes) implements ShipmentEvent {
    }

    /** The contract of another service that this one reads. */
    sealed interface OrderEvent extends DomainEvent permits Ordered, Cancelled {
    }

    @EventType("kam.contracts-test.ordered")
    record Ordered(UUID accountId, int boxes) implements OrderEvent {
    }

    @EventType("kam.contracts-test.cancelled")
    record Cancelled(UUID accountId) implements OrderEvent {
    }

    static final EventCatalog<ShipmentEvent> SHIPMENTS = EventCatalog.of("contracts-shipments", ShipmentEvent.class);
    static final EventCatalog<OrderEvent> ORDERS = EventCatalog.of("contracts-orders", OrderEvent.class)
            .withPartitions(2);

    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(SHIPMENTS).reads(ORDERS);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Component
    static class OrdersListener {
        static final String ID = "contracts-orders";
        final List<OrderEvent> applied = new CopyOnWriteArrayList<>();
        private final IdempotentProcessor processor;

        OrdersListener(IdempotentProcessor processor) {
            this.processor = processor;
        }

        @KafkaListener(id = ID, topics = "kam.contracts-orders.v1", idIsGroup = false, batch = "true")
        void on(List<ConsumerRecord<String, String>> records) {
            processor.processAll("contracts-test", ORDERS, records, (envelope, event) -> applied.add(event));
        }
    }
}
