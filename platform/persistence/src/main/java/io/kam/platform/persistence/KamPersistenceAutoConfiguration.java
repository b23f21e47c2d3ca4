package io.kam.platform.persistence;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.core.Ordered;

import io.micronaut.spring.boot.starter.EnableMicronaut;

/**
 * Starts the Micronaut context that holds the compiled Micronaut Data repositories and hands only the project's
 * own beans ({@code io.kam..}) to Spring: without the filter, Micronaut's {@code transactionInterceptor} and
 * {@code refreshScope} beans clash with Spring's. Spring's {@code dataSource} reaches Micronaut as its
 * {@code default} data source, and {@link KamPersistenceDefaults} makes the repositories use Spring's
 * transactions, so a repository call joins the surrounding {@code @Transactional} work and its rollback.
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@EnableMicronaut(filter = ProjectBeansOnly.class)
public class KamPersistenceAutoConfiguration {
}
