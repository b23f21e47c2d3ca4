package io.kam.projection;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * A test that publishes account, prospect, visits, promotions and negotiations events and reads the reviews and the pipeline they make, through
 * the service's HTTP API.
 */
@ProjectionServiceTest
public abstract class ReviewsTest {

    @Autowired
    protected RestTestClient http;

    protected TopicWriter<AccountEvent> topic;
    protected TopicWriter<ProspectEvent> prospects;
    protected TopicWriter<VisitEvent> visits;
    /** The promotions events, done by Nora unless a call names another actor. */
    protected TopicWriter<PromotionEvent> promotions;
    /** The negotiations events, done by Nora unless a call names another actor. */
    protected TopicWriter<NegotiationEvent> negotiations;
    protected ReviewsApi api;

    @BeforeEach
    void connect() {
        topic = TopicWriter.of(AccountEvents.CATALOG);
        prospects = TopicWriter.of(ProspectEvents.CATALOG);
        visits = TopicWriter.of(VisitEvents.CATALOG);
        promotions = TopicWriter.of(PromotionEvents.CATALOG).as("nora");
        negotiations = TopicWriter.of(NegotiationEvents.CATALOG).as("nora");
        api = new ReviewsApi(http);
    }
}
