package io.kam.platform.consumer;

import java.util.ArrayList;
import java.util.List;

import io.kam.platform.events.EventCatalog;

/**
 * The contract topics a service uses, declared once as a bean: the one it publishes on and the ones it reads.
 * {@link KamConsumerAutoConfiguration} creates each with its catalog's shape (partitions, events kept forever) if it
 * does not exist yet, whichever service starts first, and a dead-letter topic for every topic read. The broker never
 * creates a contract topic with its defaults.
 *
 * <pre>{@code
 * @Bean
 * ContractTopics topics() {
 *     return ContractTopics.publishes(VisitEvents.CATALOG).reads(AccountEvents.CATALOG);
 * }
 * }</pre>
 *
 * The published topic's partitions may be raised per installation with {@code kam.<service>.topic-partitions};
 * a topic that already exists is never changed.
 */
public final class ContractTopics {

    private final List<EventCatalog<?>> published;
    private final List<EventCatalog<?>> read;

    private ContractTopics(List<EventCatalog<?>> published, List<EventCatalog<?>> read) {
        this.published = List.copyOf(published);
        this.read = List.copyOf(read);
    }

    /** A service that publishes on this catalog's topic. */
    public static ContractTopics publishes(EventCatalog<?> catalog) {
        return new ContractTopics(List.of(catalog), List.of());
    }

    /** A service that only reads, like a projection. */
    public static ContractTopics readsOnly(EventCatalog<?>... catalogs) {
        return new ContractTopics(List.of(), List.of(catalogs));
    }

    /** These topics are read too: each gets its dead-letter topic. */
    public ContractTopics reads(EventCatalog<?>... catalogs) {
        List<EventCatalog<?>> all = new ArrayList<>(read);
        all.addAll(List.of(catalogs));
        return new ContractTopics(published, all);
    }

    public List<EventCatalog<?>> published() {
        return published;
    }

    public List<EventCatalog<?>> read() {
        return read;
    }
}
