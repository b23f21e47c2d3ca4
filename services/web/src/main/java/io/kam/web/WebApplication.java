package io.kam.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The web app. Its defaults are in {@code kam-web-app.properties} (not application.properties, so that it can run
 * in one JVM with the services in cross-service tests); environment variables override them.
 */
@SpringBootApplication
@PropertySource("classpath:kam-web-app.properties")
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
