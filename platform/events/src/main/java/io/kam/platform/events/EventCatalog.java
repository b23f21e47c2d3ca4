package io.kam.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events one service publishes on its topic: wire type and version to Java record, and back.
 * A service's {@code -api} module declares its catalog; producers and consumers share it.
 */
public final class EventCatalog {

    private final String topic;
    private final String source;
    private final Map<WireName, Class<? extends DomainEvent>> byWireName = new LinkedHashMap<>();
    private final Map<Class<? extends DomainEvent>, WireName> byClass = new LinkedHashMap<>();

    private EventCatalog(String topic, String source, Collection<Class<? extends DomainEvent>> types) {
        this.topic = topic;
        this.source = source;
        for (Class<? extends DomainEvent> type : types) {
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
     * @param service the service name; the topic becomes {@code kam.<service>.v1} and the source {@code /kam/<service>}
     */
    @SafeVarargs
    public static EventCatalog of(String service, Class<? extends DomainEvent>... types) {
        return new EventCatalog(Topics.of(service), "/kam/" + service, List.of(types));
    }

    public String topic() {
        return topic;
    }

    public String source() {
        return source;
    }

    public WireName wireName(Class<? extends DomainEvent> type) {
        WireName name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not in the catalog of " + topic);
        }
        return name;
    }

    public Optional<Class<? extends DomainEvent>> javaType(String type, int version) {
        return Optional.ofNullable(byWireName.get(new WireName(type, version)));
    }

    public Collection<WireName> wireNames() {
        return List.copyOf(byWireName.keySet());
    }

    /** A wire type with its schema version. */
    public record WireName(String type, int version) {
        @Override
        public String toString() {
            return type + " v" + version;
        }
    }
}
