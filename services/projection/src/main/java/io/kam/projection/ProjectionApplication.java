package io.kam.projection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The projection service: business reviews built from the accounts events, and the prospect pipeline from the
 * prospects events. Its defaults are in {@code kam-projection.properties}; environment variables override them.
 */
@SpringBootApplication
@PropertySource("classpath:kam-projection.properties")
public class ProjectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectionApplication.class, args);
    }
}
