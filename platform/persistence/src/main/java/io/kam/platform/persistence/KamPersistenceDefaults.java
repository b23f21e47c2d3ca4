package io.kam.platform.persistence;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Persistence settings every service shares, added with the lowest precedence so a service or an operator can
 * still override them. This is the one place they are written.
 */
public class KamPersistenceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "kamPersistenceDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            // Micronaut Data repositories join Spring's transactions instead of opening their own.
            "datasources.default.transaction-manager", "springJdbc",
            "datasources.default.dialect", "POSTGRES",
            // The registrar is started by KamPersistenceAutoConfiguration, with the bean filter.
            "spring.autoconfigure.exclude", "io.micronaut.spring.boot.starter.MicronautImportRegistrar",
            // Platform tables (outbox, processed events) come first, then the service's own schema, in a folder
            // named after the service so that services sharing a JVM (system tests) never see each other's.
            "spring.flyway.locations", "classpath:db/kam-platform,classpath:db/${spring.application.name}",
            "spring.datasource.hikari.maximum-pool-size", "10",
            // A request waits at most this long for a connection, then gets a 503 problem (kam-web) well within a
            // client's timeout, instead of Hikari's 30 s; listeners and the relay retry as before.
            "spring.datasource.hikari.connection-timeout", "${KAM_DB_CONNECTION_TIMEOUT:2000}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
