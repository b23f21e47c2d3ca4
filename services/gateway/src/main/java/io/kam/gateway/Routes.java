package io.kam.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.rewritePath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.net.URI;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Three routes per configured service: {@code /api/<name>/**} with the path kept as is,
 * {@code /api-docs/<name>} to the service's {@code /v3/api-docs}, and {@code /ops/<name>/**} to the service's
 * operators' tools under {@code /ops/**} (dead letters and their replay), which the gateway lets only operators reach
 * ({@code kam.security.operator-roles}, as the service itself does). Every header the caller sent reaches the
 * service, {@code Authorization} included, except hop-by-hop headers and {@code X-Request-Id}, which is the
 * gateway's (see {@link RequestIds}). Bodies stream to the service; an upload route waits longer for its service
 * (see {@link Relay}). With {@code kam.gateway.web} set, every other path goes to the web app ({@link #webApp});
 * without it, a path no route matches is a 404 problem detail (kam-web's advice).
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    static final String API_DOCS = "/v3/api-docs";

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties) {
        RouterFunction<ServerResponse> all = request -> Optional.empty();
        for (var service : properties.routes().entrySet()) {
            String name = service.getKey();
            var api = route("api-" + name)
                    .route(RequestPredicates.path("/api/" + name + "/**"), http())
                    .before(uri(service.getValue()))
                    .before(RequestIds.relay());
            if (properties.isUploadRoute(name)) {
                api = api.before(Relay.asUpload());
            }
            all = all.and(api.after(RequestIds.keepOne()).build());
            all = all.and(route("api-docs-" + name)
                    .GET("/api-docs/" + name, http())
                    .before(uri(service.getValue()))
                    .before(setPath(API_DOCS))
                    .before(RequestIds.relay())
                    .after(RequestIds.keepOne())
                    .build());
            all = all.and(route("ops-" + name)
                    .route(RequestPredicates.path("/ops/" + name + "/**"), http())
                    .before(uri(service.getValue()))
                    .before(rewritePath("/ops/" + name + "/(?<tool>.*)", "/ops/${tool}"))
                    .before(RequestIds.relay())
                    .after(RequestIds.keepOne())
                    .build());
        }
        if (properties.web() != null) {
            all = all.and(webApp(properties.web()));
        }
        return all;
    }

    /**
     * The web app's route, last: every path that is not the API's ({@code /api/**}, {@code /api-docs/**}), nor the
     * operators' ({@code /ops/**}), nor the gateway's own (Swagger UI, its OpenAPI documents, actuator). The address the browser used goes with the
     * request as {@code X-Forwarded-Host}, {@code -Port} and {@code -Proto} (the gateway's, replacing whatever the
     * caller sent; see {@link BrowserAddress}), so the web app builds its addresses (the login's redirect URI above
     * all) as the browser sees them. (The {@code Host} header itself cannot be kept: the JDK's HTTP client does not
     * send a caller's.)
     */
    static RouterFunction<ServerResponse> webApp(URI web) {
        RequestPredicate gatewaysOwn = RequestPredicates.path("/api/**").or(RequestPredicates.path("/api-docs/**"))
                .or(RequestPredicates.path("/ops/**"))
                .or(RequestPredicates.path("/swagger-ui.html")).or(RequestPredicates.path("/swagger-ui/**"))
                .or(RequestPredicates.path("/v3/api-docs/**")).or(RequestPredicates.path("/v3/api-docs"))
                .or(RequestPredicates.path("/actuator/**"));
        return route("web")
                .route(gatewaysOwn.negate(), http())
                .before(uri(web))
                .before(BrowserAddress.mark())
                .before(RequestIds.relay())
                .after(RequestIds.keepOne())
                .build();
    }
}
