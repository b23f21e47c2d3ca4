package io.kam.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started in this JVM on a random port, against its own database of the shared real infrastructure,
 * for scenarios and benchmarks that need several services at once. Settings are passed as command-line
 * arguments, so they win over the service's own defaults.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the service. Unless the settings name an issuer of their own (a real Keycloak), it trusts the tokens
     * of {@link TestTokens}.
     */
    public static RunningService start(Class<?> application, String database, Map<String, Object> settings) {
        List<String> args = new ArrayList<>();
        Map<String, Object> properties = new java.util.LinkedHashMap<>(KamInfrastructure.get().springProperties(database));
        if (settings.containsKey(TestTokens.ISSUER_PROPERTY)) {
            properties.remove(TestTokens.ISSUER_PROPERTY);
            properties.remove(TestTokens.PUBLIC_KEY_PROPERTY);
        }
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new RunningService(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
