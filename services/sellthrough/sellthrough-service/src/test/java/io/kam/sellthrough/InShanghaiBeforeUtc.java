package io.kam.sellthrough;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock, standing still at {@link ServiceTest#NOW}. */
@TestConfiguration(proxyBeanMethods = false)
class InShanghaiBeforeUtc {

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(ServiceTest.NOW, ZoneOffset.UTC);
    }
}
