package io.kam.platform.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service's contract on Kafka: the topic it publishes on with the topic's shape (partitions, events kept
 * forever), its dead-letter topic, and the events it carries, wire type and version to Java record and back.
 * A service's {@code -api} module declares its catalog from the contract's sealed event type; producers and
 * consumers share it, and {@code kam-consumer} creates the topics from it.
 *
 * @param <E> the contract's event type: a sealed interface over the event records (or a single record)
 */
public final class EventCatalog<E extends DomainEvent> {

    /** Partitions of a contract topic unless its catalog says otherwise; they bound every consumer's parallelism. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** Partitions of a dead-letter topic: few records, read by operators. */
    public static final int DEAD_LETTER_PARTITIONS = 3;
    /** {@code retention.ms} of contract and dead-letter topics: events are kept forever. */
    public static final long RETAINED_FOREVER = -1;

    private final String service;
    private final String topic;
    private final Class<E> eventType;
    private final int partitions;
    private final Map<WireName, Class<? extends E>> byWireName = new LinkedHashMap<>();
    private final Map<Class<?>, WireName> byClass = new LinkedHashMap<>();

    private EventCatalog(String service, Class<E> eventType, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + partitions);
        }
        this.service = service;
        this.topic = Topics.of(service);
        this.eventType = eventType;
        this.partitions = partitions;
        for (Class<? extends E> type : recordsOf(eventType)) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(type.getName() + " has no @EventType");
            }
            WireName name = new WireName(annotation.value(), annotation.version());
            if (byWireName.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("two classes claim " + name);
            }
            byClass.put(type, name);
        }
    }

    /**
     * The catalog of a service's events on {@code kam.<service>.v1}, source {@code /kam/<service>}, with
     * {@value #DEFAULT_PARTITIONS} partitions.
     *
     * @param eventType the sealed interface every event of the contract implements (its permitted records, also
     *                  through sealed sub-interfaces, are the catalog); or one event record
     */
    public static <E extends DomainEvent> EventCatalog<E> of(String service, Class<E> eventType) {
        return new EventCatalog<>(service, eventType, DEFAULT_PARTITIONS);
    }

    /** The same contract on a topic of another number of partitions. */
    public EventCatalog<E> withPartitions(int partitions) {
        return new EventCatalog<>(service, eventType, partitions);
    }

    private static <E> List<Class<? extends E>> recordsOf(Class<E> eventType) {
        List<Class<? extends E>> records = new ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(eventType));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isRecord()) {
                records.add(type.asSubclass(eventType));
            } else if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                throw new IllegalArgumentException(type.getName()
                        + " is neither an event record nor a sealed interface over event records");
            }
        }
        return records;
    }

    /** The service that publishes the contract, for example {@code accounts}. */
    public String service() {
        return service;
    }

    public String topic() {
        return topic;
    }

    /** Where consumers put the records of this topic they can never process, with the reason. */
    public String deadLetterTopic() {
        return Topics.deadLetter(topic);
    }

    /** The topic's partitions, part of the contract: whichever service starts first creates it so. */
    public int partitions() {
        return partitions;
    }

    /**
     * How long the broker keeps the topic's events: forever ({@value #RETAINED_FOREVER}), because every projection
     * is rebuilt by replaying its topics from the beginning.
     */
    public long retentionMs() {
        return RETAINED_FOREVER;
    }

    public String source() {
        return "/kam/" + service;
    }

    /** The contract's event type: every event this catalog decodes is one. */
    public Class<E> eventType() {
        return eventType;
    }

    public WireName wireName(Class<? extends DomainEvent> type) {
        WireName name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not in the catalog of " + topic);
        }
        return name;
    }

    public Optional<Class<? extends E>> javaType(String type, int version) {
        return Optional.ofNullable(byWireName.get(new WireName(type, version)));
    }

    public Collection<WireName> wireNames() {
        return List.copyOf(byWireName.keySet());
    }

    @Override
    public String toString() {
        return "EventCatalog[" + topic + ", " + byWireName.size() + " types, " + partitions + " partitions]";
    }

    /** A wire type with its schema version. */
    public record WireName(String type, int version) {
        @Override
        public String toString() {
            return type + " v" + version;
        }
    }
}
