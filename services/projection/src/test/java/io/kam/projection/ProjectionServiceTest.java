package io.kam.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.UsesRealInfrastructure;

/**
 * The whole service on a random port, on the JVM's real broker and its own real database. Every test class uses
 * exactly this, so they share one application context and so one consumer in the group.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = ProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@UsesRealInfrastructure(database = "projection_test")
@Import(ProjectionServiceTest.AsNationalKaManager.class)
public @interface ProjectionServiceTest {

    /** The tests' HTTP client acts as Nora, a national KA manager, unless a test sends another token. */
    @TestConfiguration(proxyBeanMethods = false)
    class AsNationalKaManager {
        @Bean
        RestTestClientBuilderCustomizer noraToken() {
            return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.nora());
        }
    }
}
