package io.kam.platform.persistence;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.spring.boot.starter.MicronautBeanFilter;

/** Exposes to Spring only the Micronaut beans that this project declares, such as its repositories. */
public final class ProjectBeansOnly implements MicronautBeanFilter {

    static final String PROJECT_PACKAGE = "io.kam.";

    @Override
    public boolean includes(@NonNull BeanDefinition<?> definition) {
        return definition.getBeanType().getName().startsWith(PROJECT_PACKAGE);
    }
}
