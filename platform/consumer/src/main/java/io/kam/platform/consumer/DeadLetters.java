package io.kam.platform.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import io.kam.platform.events.Topics;

/**
 * Sends records that cannot be processed to {@code <topic>.dlt}, keyed as before, with the reason in the
 * {@value #REASON_HEADER} header beside Spring Kafka's exception and original-offset headers.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "kam-dlt-reason";

    private DeadLetters() {
    }

    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            Headers headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        return recoverer;
    }

    static String reason(Exception exception) {
        Throwable cause = exception;
        while ((cause instanceof ListenerExecutionFailedException
                || cause instanceof org.springframework.kafka.listener.BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
    }
}
