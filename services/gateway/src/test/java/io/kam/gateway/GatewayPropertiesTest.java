package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A route's name is its path segment and its target an absolute URL; a mistake stops the gateway at start. */
class GatewayPropertiesTest {

    @Test
    void routesAreNamedAfterTheirPathSegmentAndPointAtAbsoluteUrls() {
        var properties = new GatewayProperties(Map.of("reviews", URI.create("http://projection:8088")), null, null, null);
        assertThat(properties.routes()).containsOnlyKeys("reviews");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(Map.of("Reviews/x", URI.create("http://projection:8088")), null, null, null))
                .withMessageContaining("kam.gateway.routes.Reviews/x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(Map.of("reviews", URI.create("projection:8088")), null, null, null))
                .withMessageContaining("absolute URL");
    }

    @Test
    void noRoutesConfiguredIsNoRoutes() {
        var none = new GatewayProperties(null, null, null, null);
        assertThat(none.routes()).isEmpty();
        assertThat(none.uploadRoutes()).isEmpty();
        assertThat(none.uploadReadTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anUploadRouteIsAConfiguredRouteWithAPositiveTimeout() {
        Map<String, URI> routes = Map.of("sell-through", URI.create("http://sell-through:8084"),
                "accounts", URI.create("http://accounts:8081"));
        var properties = new GatewayProperties(routes, Set.of("sell-through"), Duration.ofMinutes(45), null);
        assertThat(properties.isUploadRoute("sell-through")).isTrue();
        assertThat(properties.isUploadRoute("accounts")).isFalse();
        assertThat(properties.uploadReadTimeout()).isEqualTo(Duration.ofMinutes(45));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(routes, Set.of("sellthrough"), null, null))
                .withMessageContaining("kam.gateway.upload-routes names sellthrough");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(routes, Set.of("sell-through"), Duration.ZERO, null))
                .withMessageContaining("kam.gateway.upload-read-timeout");
    }

    @Test
    void theWebAppIsOptionalAndAnAbsoluteUrl() {
        assertThat(new GatewayProperties(null, null, null, null).web()).isNull();
        assertThat(new GatewayProperties(null, null, null, URI.create("http://web:8087")).web())
                .isEqualTo(URI.create("http://web:8087"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties(null, null, null, URI.create("web:8087")))
                .withMessageContaining("kam.gateway.web must be an absolute URL");
    }
}
