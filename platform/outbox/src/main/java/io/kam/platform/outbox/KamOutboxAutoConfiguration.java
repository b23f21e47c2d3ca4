package io.kam.platform.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.calendar.KamCalendarAutoConfiguration;
import io.kam.platform.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox and its relay, for every service that has a database and publishes events. Their {@link Clock} is the
 * service's one clock, from {@code kam-calendar}.
 */
@AutoConfiguration(after = KamCalendarAutoConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class KamOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Outbox outbox(DataSource dataSource, EventCodec codec, Clock clock) {
        return new Outbox(JdbcClient.create(dataSource), codec, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kam.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, OutboxProperties properties, Clock clock,
                            ObjectProvider<MeterRegistry> meters,
                            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
                            @Value("${spring.application.name:kam-service}") String applicationName) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new OutboxRelay(dataSource, config, properties, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
