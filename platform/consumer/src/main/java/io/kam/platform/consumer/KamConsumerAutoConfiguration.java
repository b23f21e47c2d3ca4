package io.kam.platform.consumer;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.UndecodableEventException;

/** Idempotent processing and the dead-letter error handler that Boot's listener container factory picks up. */
@AutoConfiguration
@EnableConfigurationProperties(ConsumerProperties.class)
public class KamConsumerAutoConfiguration {

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

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kamErrorHandler(KafkaOperations<?, ?> template, ConsumerProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        backOff.setMaxElapsedTime(properties.maxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.recoverer(template), backOff);
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        // An unreachable database is no reason to give up on an event: keep trying until it is back.
        ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
        untilTheDatabaseIsBack.setMaxInterval(properties.maxInterval().toMillis());
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilTheDatabaseIsBack : null);
        return handler;
    }
}
