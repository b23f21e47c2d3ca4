package io.kam.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway: {@code kam.gateway.routes.<name>=<base URL>} sends {@code /api/<name>/**} to
 * that URL with the path kept as is, and {@code /api-docs/<name>} to its {@code /v3/api-docs}. The routes named in
 * {@code kam.gateway.upload-routes} take large uploads (and long answers): the gateway waits up to
 * {@code kam.gateway.upload-read-timeout} for them instead of {@code spring.http.clients.read-timeout}.
 * {@code kam.gateway.web=<base URL>} (optional) sends every other path, but the gateway's own (Swagger UI, OpenAPI
 * documents, actuator), to the web app.
 */
@ConfigurationProperties("kam.gateway")
record GatewayProperties(Map<String, URI> routes, Set<String> uploadRoutes, Duration uploadReadTimeout,
                         @Nullable URI web) {

    static final Duration DEFAULT_UPLOAD_READ_TIMEOUT = Duration.ofMinutes(30);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    GatewayProperties(@Nullable Map<String, URI> routes, @Nullable Set<String> uploadRoutes,
            @Nullable Duration uploadReadTimeout, @Nullable URI web) {
        this.routes = routes == null ? Map.of() : Map.copyOf(routes);
        this.uploadRoutes = uploadRoutes == null ? Set.of() : Set.copyOf(uploadRoutes);
        this.uploadReadTimeout = uploadReadTimeout == null ? DEFAULT_UPLOAD_READ_TIMEOUT : uploadReadTimeout;
        this.routes.forEach((name, target) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("kam.gateway.routes." + name
                        + ": a route is named after its path segment, lower-case letters, digits and '-'");
            }
            if (target.getScheme() == null || target.getHost() == null) {
                throw new IllegalArgumentException("kam.gateway.routes." + name + " must be an absolute URL: " + target);
            }
        });
        for (String name : this.uploadRoutes) {
            if (!this.routes.containsKey(name)) {
                throw new IllegalArgumentException("kam.gateway.upload-routes names " + name
                        + ", which is no route: configure kam.gateway.routes." + name + " or remove it");
            }
        }
        this.web = web;
        if (web != null && (web.getScheme() == null || web.getHost() == null)) {
            throw new IllegalArgumentException("kam.gateway.web must be an absolute URL: " + web);
        }
        if (this.uploadReadTimeout.isNegative() || this.uploadReadTimeout.isZero()) {
            throw new IllegalArgumentException("kam.gateway.upload-read-timeout must be positive: " + this.uploadReadTimeout);
        }
    }

    /** Whether the route takes large uploads, and so waits {@link #uploadReadTimeout()} for its service. */
    boolean isUploadRoute(String name) {
        return uploadRoutes.contains(name);
    }
}
