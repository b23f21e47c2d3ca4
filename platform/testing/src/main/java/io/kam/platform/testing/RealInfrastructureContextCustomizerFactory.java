package io.kam.platform.testing;

import java.util.List;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Adds the datasource and broker properties to test contexts of classes marked {@link UsesRealInfrastructure}. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        UsesRealInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, UsesRealInfrastructure.class);
        if (annotation == null) {
            annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                    .get(UsesRealInfrastructure.class).synthesize(a -> a.isPresent()).orElse(null);
        }
        return annotation == null ? null : new Customizer(annotation.database());
    }

    private record Customizer(String database) implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                    "kamRealInfrastructure", KamInfrastructure.get().springProperties(database)));
        }
    }
}
