package io.kam.projection.visit;

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
import io.kam.visits.api.VisitEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample event of the visits contract is read and applied, in catalog order: none ends on the dead-letter
 * topic, and the samples' story (one visit planned, prepared and logged; another missed, then cancelled; a store
 * check; a complaint resolved with a promised date that was kept; a promotion found off price and without its photo)
 * shows in the rows and in the review.
 */
class VisitSampleEventsTest extends ReviewsTest {

    private static final String ACCOUNT = "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23";
    private static final String LOGGED_VISIT = "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01";
    private static final String MISSED_VISIT = "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03";
    private static final String PROMOTION = "6d8f1b2e-3c4d-4e5f-9a0b-1c2d3e4f5a6b";

    @Autowired
    JdbcClient jdbc;

    private final SampleEnvelopes samples = new SampleEnvelopes();

    @Test
    void everySampleOfTheVisitsContractAppliesWithoutADeadLetter() throws IOException {
        List<ObjectNode> published = samples.of(VisitEvents.CATALOG);
        for (ObjectNode envelope : published) {
            visits.publish(envelope.get("subject").asString(), envelope.toString());
        }
        UUID account = UUID.fromString(samples.id(ACCOUNT));
        topic.publish(AccountFixture.aRegionalSupermarketChain(account, "Sample Visits " + account, Region.EAST));

        SampleEnvelopes.awaitProcessed(jdbc, VisitsListener.CONSUMER, published);
        assertThat(published).hasSameSizeAs(VisitEvents.CATALOG.wireNames()).hasSize(27);
        assertThat(TopicReader.readAll(VisitEvents.TOPIC + ".dlt")).noneMatch(r -> r.key().equals(account.toString()));

        assertThat(status(LOGGED_VISIT)).isEqualTo("COMPLETED");
        assertThat(status(MISSED_VISIT)).as("missed, then cancelled as its store closed").isEqualTo("CANCELLED");
        JsonNode execution = api.awaitVisitsApplied(account, published.size());
        JsonNode east = execution.at("/byRegion/EAST");
        assertThat(east.at("/compliance/lastCheckedOn").asString()).isEqualTo("2026-03-04");
        assertThat(east.at("/coverage/due").asLong()).as("March 2026 is before the window").isZero();
        assertThat(east.at("/complaints/byStatus/RESOLVED").asLong()).isEqualTo(1);
        assertThat(east.at("/complaints/open").asLong()).isZero();
        assertThat(east.at("/complaints/overduePromises").asLong()).as("the promise was kept").isZero();
        assertThat(execution.get("asOf").asString()).as("the promotion execution sample's, a year later")
                .isEqualTo("2027-03-04T03:12:45.500Z");
        assertThat(jdbc.sql("""
                        select executed, array_to_string(deviations, ',') from promotion_check
                        where promotion_id = ? and revision = 1""")
                .param(UUID.fromString(samples.id(PROMOTION)))
                .query((rs, row) -> rs.getBoolean(1) + " " + rs.getString(2)).single())
                .as("the promotion's execution at the store").isEqualTo("false price:06901234567892,photo");
    }

    private String status(String sampleVisit) {
        return jdbc.sql("select status from visit where visit_id = ?").param(UUID.fromString(samples.id(sampleVisit)))
                .query(String.class).single();
    }
}
