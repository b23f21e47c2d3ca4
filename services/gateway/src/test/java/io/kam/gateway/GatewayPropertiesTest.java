package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A route's name is its path segment and its target an absolute URL; a mistake stops the gateway at start. */
class GatewayPropertiesTest {

    @Test
    void routesAreNamedAfterTheirPathSegmentAndPointAtAbsoluteUrls() {
        var properties = new GatewayProperties(Map.of("reviews", URI.create("http://projection:8088")));
        assertThat(properties.routes()).containsOnlyKeys("reviews");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(Map.of("Reviews/x", URI.create("http://projection:8088"))))
                .withMessageContaining("kam.gateway.routes.Reviews/x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(Map.of("reviews", URI.create("projection:8088"))))
                .withMessageContaining("absolute URL");
    }

    @Test
    void noRoutesConfiguredIsNoRoutes() {
        assertThat(new GatewayProperties(null).routes()).isEmpty();
    }
}
