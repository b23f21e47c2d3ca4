package io.kam.projection.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.AccountFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SampleEnvelopes;
import io.kam.promotions.api.PromotionEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample event of the promotions contract is read and applied, in catalog order: none ends on the dead-letter
 * topic. The samples' story respects revisions: the promotion is drafted, changed, proposed, returned, approved and
 * agreed as revision 1, then revised to revision 2, so the samples of revision 1 that follow (started, ended,
 * cancelled, evaluated) change nothing; it is a draft again and commits nothing, while the 2027 fund holds 480,000.
 */
class PromotionSampleEventsTest extends ReviewsTest {

    private static final String ACCOUNT = "8d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
    private static final String PROMOTION = "5c7e0a1d-2b3c-4d5e-8f9a-0b1c2d3e4f5a";

    @Autowired
    JdbcClient jdbc;

    private final SampleEnvelopes samples = new SampleEnvelopes();

    @Test
    void everySampleOfThePromotionsContractAppliesWithoutADeadLetter() throws IOException {
        List<ObjectNode> published = samples.of(PromotionEvents.CATALOG);
        for (ObjectNode envelope : published) {
            promotions.publish(envelope.get("subject").asString(), envelope.toString());
        }
        UUID account = UUID.fromString(samples.id(ACCOUNT));
        topic.publish(AccountFixture.aRegionalSupermarketChain(account, "Sample Promotions " + account, Region.EAST));

        SampleEnvelopes.awaitProcessed(jdbc, PromotionsListener.CONSUMER, published);
        assertThat(published).hasSameSizeAs(PromotionEvents.CATALOG.wireNames()).hasSize(15);
        assertThat(TopicReader.readAll(PromotionEvents.TOPIC + ".dlt")).noneMatch(r -> r.key().equals(account.toString()));

        UUID promotion = UUID.fromString(samples.id(PROMOTION));
        assertThat(jdbc.sql("""
                        select revision || ' ' || status || ' ' || in_store_from || ' ' || coalesce(committed_spend, 0)
                        from promotion_state where promotion_id = ?""")
                .param(promotion).query(String.class).single())
                .as("revision 2 as revised, a draft again that commits nothing").isEqualTo("2 DRAFT 2027-03-08 0");
        assertThat(jdbc.sql("select count(*) from promotion_evaluation where promotion_id = ?").param(promotion)
                .query(Long.class).single()).as("the evaluation of revision 1 came after revision 2").isZero();

        JsonNode section = api.awaitPromotionsApplied(account, published.size()).get("promotions");
        assertThat(section.get("year").asInt()).isEqualTo(2027);
        assertThat(section.get("agreed")).isEmpty();
        assertThat(section.get("upcoming")).isEmpty();
        assertThat(section.get("running")).isEmpty();
        assertThat(section.get("evaluated")).isEmpty();
        assertThat(section.at("/fund/budget").decimalValue()).isEqualByComparingTo("480000.00");
        assertThat(section.at("/fund/funds/0/source").asString()).isEqualTo("PLAN");
        assertThat(section.at("/fund/committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(section.at("/spend/total").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(section.get("asOf").asString()).isEqualTo("2027-04-12T02:00:01Z");
    }
}
