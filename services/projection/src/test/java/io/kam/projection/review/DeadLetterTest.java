package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;

/** An event the projection cannot read is set aside with the reason, and the account's later events still apply. */
@ProjectionServiceTest
class DeadLetterTest {

    @Autowired
    RestTestClient http;

    @Test
    void anEventOfAnUnknownTypeGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        EventCodec codec = new EventCodec();
        UUID account = UUID.randomUUID();
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/accounts", "1.0", "kam.account.merged",
                account.toString(), Instant.now(), null, 1, "tester", codec.tree("{}"));

        topic.publish(account.toString(), codec.encode(unknown));
        topic.publish(aNationalHypermarketChain(account, "After The Poison Mart"));

        new ReviewsApi(http).awaitEventsApplied(account, 1);
        var dead = TopicReader.awaitRecords("kam.accounts.v1.dlt", r -> account.toString().equals(r.key()));
        assertThat(dead).allSatisfy(record -> {
            assertThat(TopicReader.header(record, DeadLetters.REASON_HEADER)).contains("unknown event type kam.account.merged v1");
            assertThat(record.value()).isEqualTo(codec.encode(unknown));
        });
    }
}
