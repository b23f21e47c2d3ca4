package io.kam.platform.outbox;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A Kafka producer plug-in that holds the sending thread inside {@code send} until released: a relay whose producer
 * carries it hangs as one blocked on an unresponsive broker or frozen by the operating system does, holding its
 * database session without a sign of life.
 */
public class HangingInterceptor implements ProducerInterceptor<String, byte[]> {

    static volatile CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch hanging = new CountDownLatch(1);

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        hanging.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
