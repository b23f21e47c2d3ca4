package io.kam.projection.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.ProspectFixture;
import io.kam.projection.ReviewsTest;
import io.kam.prospects.api.ProspectSource;

/** A prospect event the projection cannot read is set aside with the reason, and later events still apply. */
class ProspectDeadLetterTest extends ReviewsTest {

    @Test
    void anEventOfAnUnknownTypeGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        EventCodec codec = new EventCodec();
        ProspectFixture prospect = ProspectFixture.aProspect("After The Poison Prospect", Region.WEST,
                ProspectSource.INDUSTRY_BLITZ);
        String key = prospect.accountId().toString();
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/prospects", "1.0", "kam.prospect.merged",
                key, Instant.now(), null, 1, "tester", codec.tree("{}"));

        prospects.publish(key, codec.encode(unknown));
        prospects.publish(prospect.identified(Instant.parse("2015-05-05T02:00:00Z")));

        var dead = TopicReader.awaitRecords("kam.prospects.v1.dlt", r -> key.equals(r.key()));
        assertThat(dead).isNotEmpty().allSatisfy(record -> {
            assertThat(TopicReader.header(record, DeadLetters.REASON_HEADER)).contains("unknown event type kam.prospect.merged v1");
            assertThat(record.value()).isEqualTo(codec.encode(unknown));
        });
        api.awaitCaughtUp();
        assertThat(api.pipeline("?from=2015-05-05&to=2015-05-05").get("prospects").asLong()).isEqualTo(1);
    }
}
