package io.kam.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.events.EventCodec;

/**
 * Announces a retailer as the accounts service would, on {@code kam.accounts.v1}: the account, then its stores
 * ({@code S0001}...), and waits until the sell-through service's replica holds them all.
 */
final class Retailer {

    private final String bootstrapServers;
    private final JdbcClient sellThroughDb;
    private final EventCodec codec = new EventCodec();

    Retailer(String bootstrapServers, DataSource sellThroughDb) {
        this.bootstrapServers = bootstrapServers;
        this.sellThroughDb = JdbcClient.create(sellThroughDb);
    }

    UUID open(int stores) throws Exception {
        UUID account = UUID.randomUUID();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            send(producer, new AccountEvents.AccountOpened(account, "Bench Mart " + account, "Bench Mart",
                    RetailFormat.HYPERMARKET, null, new Address("1 Test Road", "Wuhan", null, null), AccountScope.NATIONAL,
                    null, "bench", AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
            Region[] regions = Region.values();
            for (int i = 0; i < stores; i++) {
                send(producer, new AccountEvents.StoreOpened(account, UUID.randomUUID(), SellThroughData.store(i),
                        "Bench store " + i, "Wuhan", regions[i % regions.length], RetailFormat.HYPERMARKET,
                        LocalDate.of(2015, 1, 1)));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (sellThroughDb.sql("select count(*) from store where account_id = :a").param("a", account)
                .query(Long.class).single() < stores) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replica did not get the stores of " + account);
            }
            Thread.sleep(100); // polling the service's database; a benchmark, not a test
        }
        return account;
    }

    private void send(KafkaProducer<String, String> producer, AccountEvents.AccountEvent event) {
        producer.send(new ProducerRecord<>(AccountEvents.TOPIC, event.accountId().toString(),
                codec.encode(codec.wrap(AccountEvents.CATALOG, event, "bench", Instant.now()))));
    }
}
