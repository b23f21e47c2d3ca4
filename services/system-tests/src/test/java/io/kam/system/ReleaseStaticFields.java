package io.kam.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Clears a test class's static fields once its tests and its {@code @AfterAll} methods are done. The scenarios keep
 * the services they start, and beans taken from them, in static fields; a finished class stays loaded for the rest
 * of the JVM, so without this every closed service of every earlier class stays reachable (21 application contexts
 * by the module's last class, found in a heap dump: each held by a test class's static field). Registered for every
 * class of this module through {@code META-INF/services} and {@code junit-platform.properties}.
 */
public final class ReleaseStaticFields implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        for (Class<?> type = context.getRequiredTestClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    field.set(null, null);
                }
            }
        }
    }
}
