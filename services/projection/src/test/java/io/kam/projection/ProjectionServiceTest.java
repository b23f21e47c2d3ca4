package io.kam.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;

import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.UsesRealInfrastructure;

/**
 * The whole service on a random port, on the JVM's real broker and its own real database. Every test class uses
 * exactly this, so they share one application context and so one consumer in the group.
 * <p>
 * The service's clock stands still at {@link #NOW}: New Year's Day 2027 in Shanghai while it is still 2026 in UTC, so
 * that "today" and "this year" are the market's. The relationship wall allows {@link #MAX_DAYS_WITHOUT_CONTACT} days
 * without contact, less than the default, so that a test can tell the setting is used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = ProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kam.projection.wall.max-days-without-contact=" + ProjectionServiceTest.MAX_DAYS_WITHOUT_CONTACT)
@AutoConfigureRestTestClient
@UsesRealInfrastructure(database = "projection_test")
@Import({ProjectionServiceTest.AsNationalKaManager.class, ProjectionServiceTest.OnNewYearsDayInShanghai.class})
public @interface ProjectionServiceTest {

    /** 2027-01-01 00:30 in Shanghai, 2026-12-31 16:30 in UTC. */
    Instant NOW = Instant.parse("2026-12-31T16:30:00Z");
    /** The market's date at {@link #NOW}. */
    LocalDate TODAY = LocalDate.of(2027, 1, 1);
    int MAX_DAYS_WITHOUT_CONTACT = 30;

    /** The service's clock, standing still at {@link #NOW}. */
    @TestConfiguration(proxyBeanMethods = false)
    class OnNewYearsDayInShanghai {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** The tests' HTTP client acts as Nora, a national KA manager, unless a test sends another token. */
    @TestConfiguration(proxyBeanMethods = false)
    class AsNationalKaManager {
        @Bean
        RestTestClientBuilderCustomizer noraToken() {
            return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.nora());
        }
    }
}
