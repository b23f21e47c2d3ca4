package io.kam.projection;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The projection service: business reviews built from the accounts events, and the prospect pipeline from the
 * prospects events. Its defaults are in {@code kam-projection.properties}; environment variables override them.
 */
@SpringBootApplication
@PropertySource("classpath:kam-projection.properties")
public class ProjectionApplication {

    /** What time it is: the reviews' "today" (overdue actions, days since contact) and default plan year. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(ProjectionApplication.class, args);
    }
}
