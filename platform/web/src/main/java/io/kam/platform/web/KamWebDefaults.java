package io.kam.platform.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Web and operations defaults of every service, with the lowest precedence so that a service can override them. */
public class KamWebDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "logging.pattern.correlation", "[%X{requestId:-}] ",
            // ProblemDetailsAdvice is the one exception handler; Boot's own would compete with it.
            "spring.mvc.problemdetails.enabled", "false",
            "spring.jackson.deserialization.fail-on-unknown-properties", "true",
            "management.endpoints.web.exposure.include", "health,info,metrics,prometheus",
            "management.endpoint.health.probes.enabled", "true",
            "springdoc.api-docs.path", "/v3/api-docs",
            "server.shutdown", "graceful");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("kamWebDefaults", DEFAULTS));
    }
}
