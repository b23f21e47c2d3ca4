package io.kam.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name and schema version of a domain event. The name travels as the CloudEvents {@code type}
 * and never depends on the Java class name, so renaming or moving a record breaks no consumer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The CloudEvents type, for example {@code kam.account.opened}. */
    String value();

    /** The schema version of the payload; a breaking change to the payload gets a new version. */
    int version() default 1;
}
