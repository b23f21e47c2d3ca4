package io.kam.gateway;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway: {@code kam.gateway.routes.<name>=<base URL>} sends {@code /api/<name>/**} to
 * that URL with the path kept as is, and {@code /api-docs/<name>} to its {@code /v3/api-docs}.
 */
@ConfigurationProperties("kam.gateway")
record GatewayProperties(Map<String, URI> routes) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    GatewayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        routes.forEach((name, target) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("kam.gateway.routes." + name
                        + ": a route is named after its path segment, lower-case letters, digits and '-'");
            }
            if (target.getScheme() == null || target.getHost() == null) {
                throw new IllegalArgumentException("kam.gateway.routes." + name + " must be an absolute URL: " + target);
            }
        });
    }
}
