package io.kam.platform.persistence;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.data.annotation.Repository;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.spring.boot.starter.MicronautBeanFilter;

/**
 * Exposes to Spring only this project's Micronaut Data repositories. Everything else stays inside Micronaut: its
 * infrastructure beans would clash with Spring's, and Micronaut's processors also generate definitions for the
 * project's {@code @Transactional} Spring services, which Spring already owns.
 */
public final class ProjectBeansOnly implements MicronautBeanFilter {

    static final String PROJECT_PACKAGE = "io.kam.";

    @Override
    public boolean includes(@NonNull BeanDefinition<?> definition) {
        return definition.getBeanType().getName().startsWith(PROJECT_PACKAGE) && definition.hasStereotype(Repository.class);
    }
}
