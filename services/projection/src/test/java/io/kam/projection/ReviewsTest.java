package io.kam.projection;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A test that publishes account, prospect and visits events and reads the reviews and the pipeline they make, through
 * the service's HTTP API.
 */
@ProjectionServiceTest
public abstract class ReviewsTest {

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected RestTestClient http;

    protected AccountsTopic topic;
    protected ProspectsTopic prospects;
    protected VisitsTopic visits;
    protected ReviewsApi api;

    @BeforeEach
    void connect() {
        topic = new AccountsTopic(kafka);
        prospects = new ProspectsTopic(kafka);
        visits = new VisitsTopic(kafka);
        api = new ReviewsApi(http);
    }
}
