package io.kam.platform.consumer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.UndecodableEventException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Idempotent processing, the dead-letter error handler that Boot's listener container factory picks up, the
 * contract topics a service declares ({@link ContractTopics}), and the consumer-lag gauge of every topic it reads.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ConsumerProperties.class, ProcessedEventsProperties.class})
public class KamConsumerAutoConfiguration {

    /** How long a question about offsets may wait for the brokers: a gauge or a status page must not hang. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(2);

    /** How long the broker waits for a silent consumer before it gives the consumer's partitions to another. */
    static final int SESSION_TIMEOUT_MS = 15_000;

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    IdempotentProcessor idempotentProcessor(DataSource dataSource, PlatformTransactionManager transactionManager,
                                            EventCodec codec) {
        return new IdempotentProcessor(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), codec);
    }

    /**
     * A consumer that dies without leaving its group (a {@code kill -9}, a lost host) holds its partitions until the
     * broker's session timeout ends, and nothing it owned is read until then: Kafka's 45 s default kept a restarted
     * projection idle for about 35 s after it was healthy. 15 s, with a heartbeat every 3 s (five missed heartbeats),
     * bounds that wait and still rides out a long collection pause. A service that sets
     * {@code spring.kafka.consumer.properties.session.timeout.ms} keeps its own.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer kamConsumerSessionTimeout() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 5));
            }
        };
    }

    /** Keeps {@code kam_processed_event} to the retention window. */
    @Bean
    ProcessedEventPruner processedEventPruner(DataSource dataSource, ProcessedEventsProperties properties,
                                              ObjectProvider<java.time.Clock> clock) {
        return new ProcessedEventPruner(JdbcClient.create(dataSource), properties, clock.getIfAvailable(java.time.Clock::systemUTC));
    }

    /**
     * Every declared contract topic with its catalog's shape, and a dead-letter topic for every topic read;
     * Spring Kafka's admin creates those that do not exist yet when the service starts.
     */
    @Bean
    KafkaAdmin.NewTopics kamContractTopics(ObjectProvider<ContractTopics> declarations, Environment environment) {
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        declarations.orderedStream().forEach(declared -> {
            for (EventCatalog<?> catalog : declared.published()) {
                int partitions = environment.getProperty("kam." + catalog.service() + ".topic-partitions",
                        Integer.class, catalog.partitions());
                topics.put(catalog.topic(), topic(catalog.topic(), partitions, catalog.retentionMs()));
            }
        });
        declarations.orderedStream().forEach(declared -> {
            for (EventCatalog<?> catalog : declared.read()) {
                topics.putIfAbsent(catalog.topic(), topic(catalog.topic(), catalog.partitions(), catalog.retentionMs()));
                topics.putIfAbsent(catalog.deadLetterTopic(), topic(catalog.deadLetterTopic(),
                        EventCatalog.DEAD_LETTER_PARTITIONS, catalog.retentionMs()));
            }
        });
        return new KafkaAdmin.NewTopics(topics.values().toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, int partitions, long retentionMs) {
        return TopicBuilder.name(name).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)).build();
    }

    /** Offsets and lag of consumer groups, through an admin client on the service's brokers. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ConsumerOffsets consumerOffsets(KafkaAdmin kafkaAdmin) {
        return new ConsumerOffsets(Admin.create(kafkaAdmin.getConfigurationProperties()), ADMIN_TIMEOUT);
    }

    /** {@code kam.<spring.application.name>.consumer.lag}, one gauge per topic read; only where metrics are kept. */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnClass(MeterRegistry.class)
    ConsumerLag kamConsumerLag(KafkaListenerEndpointRegistry listeners, ConsumerOffsets offsets, MeterRegistry meters,
                               @Value("${spring.application.name}") String service) {
        return new ConsumerLag(listeners, offsets, meters, service);
    }

    /** Re-drives a group's dead letters after a fix; {@link DeadLetterController} serves it to operators. */
    @Bean
    DeadLetterReplay deadLetterReplay(DataSource dataSource, PlatformTransactionManager transactionManager,
                                      ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
                                      KafkaListenerEndpointRegistry listeners) {
        return new DeadLetterReplay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                consumers::getConfigurationProperties, producers::getConfigurationProperties,
                () -> DeadLetterReplay.groupsByTopic(listeners.getListenerContainers()));
    }

    /** The operators' endpoints, where the service serves HTTP with the platform's problem details. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "io.kam.platform.web.ApiProblem")
    static class DeadLetterEndpoints {

        @Bean
        DeadLetterController deadLetterController(DeadLetterReplay replay) {
            return new DeadLetterController(replay);
        }
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kamErrorHandler(KafkaOperations<?, ?> template, ConsumerProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        backOff.setMaxElapsedTime(properties.maxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.recoverer(template), backOff);
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        // An unreachable database is no reason to give up on an event: keep trying until it is back. A failure that
        // will happen again however often it is tried is dead-lettered at once instead of holding up the partition.
        ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
        untilTheDatabaseIsBack.setMaxInterval(properties.maxInterval().toMillis());
        FixedBackOff noRetry = new FixedBackOff(0, 0);
        handler.setBackOffFunction((record, failure) -> switch (Failures.of(failure)) {
            case UNAVAILABLE -> untilTheDatabaseIsBack;
            case PERMANENT -> noRetry;
            case RETRYABLE -> null;
        });
        return handler;
    }
}
