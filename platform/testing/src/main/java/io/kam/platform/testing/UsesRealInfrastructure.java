package io.kam.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the JVM's shared real infrastructure ({@link KamInfrastructure}): its own
 * PostgreSQL database, named here, and the shared KRaft broker.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UsesRealInfrastructure {

    /** The service's database, created on first use. */
    String database();
}
