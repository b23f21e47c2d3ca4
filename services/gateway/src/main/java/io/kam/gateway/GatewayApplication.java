package io.kam.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.PropertySource;

/**
 * The gateway, the single entry of the platform: it routes {@code /api/<service>/**} to each service, relays the
 * caller's token, gives every request an id and serves every service's OpenAPI document. Its defaults are in
 * {@code kam-gateway.properties}; environment variables override them.
 */
@SpringBootApplication
@PropertySource("classpath:kam-gateway.properties")
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
