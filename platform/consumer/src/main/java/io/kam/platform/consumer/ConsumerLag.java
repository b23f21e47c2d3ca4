package io.kam.platform.consumer;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One gauge {@code kam.<service>.consumer.lag} for every topic a listener of the service reads, tagged with the
 * topic and the consumer group: the events not yet processed, end offsets minus the group's committed offsets (a
 * partition never committed counts from its start), or not a number while the brokers do not answer. Without a tag,
 * the metrics endpoint shows the sum over the topics. The topics come from the listener containers themselves, so a
 * new listener is measured without being named here.
 */
final class ConsumerLag implements ApplicationListener<ContextRefreshedEvent> {

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerOffsets offsets;
    private final MeterRegistry meters;
    private final String metric;

    ConsumerLag(KafkaListenerEndpointRegistry listeners, ConsumerOffsets offsets, MeterRegistry meters,
                String service) {
        this.listeners = listeners;
        this.offsets = offsets;
        this.meters = meters;
        this.metric = metricName(service);
    }

    static String metricName(String service) {
        return "kam." + service + ".consumer.lag";
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        for (Subscription subscription : subscriptions()) {
            Gauge.builder(metric, offsets, o -> o.lagOrNaN(subscription.group(), subscription.topic()))
                    .description("Events not yet processed: end offsets minus the committed offsets of the group")
                    .baseUnit("records")
                    .tag("topic", subscription.topic())
                    .tag("group", subscription.group())
                    .register(meters);
        }
    }

    /** Every (topic, group) a listener container of this service reads. */
    Set<Subscription> subscriptions() {
        Set<Subscription> subscriptions = new LinkedHashSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            String[] topics = container.getContainerProperties().getTopics();
            if (group == null || topics == null) {
                continue;
            }
            for (String topic : topics) {
                subscriptions.add(new Subscription(topic, group));
            }
        }
        return subscriptions;
    }

    record Subscription(String topic, String group) {
    }
}
