package io.kam.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import io.kam.platform.web.ApiProblem;

/**
 * Aggregates and use cases refuse with {@link io.kam.platform.domain.Rejection}, which knows no HTTP; only the web
 * adapters (controllers, advice, the configuration that wires them) use {@code io.kam.platform.web}. The features
 * converted so far must hold to it strictly; everywhere else the dependencies found when the rule came in are frozen
 * (in {@code src/test/resources/archunit_store}) and any new one fails.
 */
class DomainKnowsNoWebTest {

    /** The features converted to rejections: the examples a new service follows. */
    private static final List<String> CONVERTED = List.of("io.kam.visits.complaint", "io.kam.accounts.plan",
            "io.kam.sellthrough.ingest", "io.kam.sellthrough.rows");

    /** Base packages that are not a service's domain: the platform itself, the gateway (all web), tools and tests. */
    private static final Set<String> NOT_DOMAIN = Set.of("platform", "gateway", "system", "bench", "local");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kam");
    }

    @Test
    void theConvertedFeaturesKnowNoWebOutsideTheirControllers() {
        for (String feature : CONVERTED) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(feature)).filter(domainCode()))
                    .as("domain classes of %s", feature).isNotEmpty();
        }
        noWebIn(CONVERTED).check(classes);
    }

    @Test
    void noDomainClassTakesANewDependencyOnTheWeb() {
        List<String> services = services();
        assertThat(services).as("services found by convention")
                .contains("io.kam.accounts", "io.kam.prospects", "io.kam.visits", "io.kam.sellthrough", "io.kam.projection");
        FreezingArchRule.freeze(noWebIn(services)).check(classes);
    }

    @Test
    void theRuleTellsDomainCodeFromWebAdaptersAndCatchesAViolation() {
        JavaClass book = classes.get("io.kam.visits.complaint.ComplaintBook");
        JavaClass controller = classes.get("io.kam.visits.complaint.ComplaintsController");
        assertThat(domainCode().test(book)).isTrue();
        assertThat(domainCode().test(controller)).isFalse();

        JavaClasses violating = new ClassFileImporter().importClasses(RefusesLikeAController.class);
        assertThat(noWebIn(List.of("io.kam.system")).evaluate(violating).hasViolation()).isTrue();
    }

    private static ArchRule noWebIn(List<String> packages) {
        return noClasses().that(DescribedPredicate.describe("are domain code of " + packages,
                        (JavaClass c) -> packages.stream().anyMatch(p -> c.getPackageName().equals(p)
                                || c.getPackageName().startsWith(p + ".")) && domainCode().test(c)))
                .should().dependOnClassesThat().resideInAPackage("io.kam.platform.web..")
                .because("the domain refuses with io.kam.platform.domain.Rejection; the web adapters map it to HTTP");
    }

    /** Every class but the web adapters: controllers, advice, configuration, and the classes nested in them. */
    private static DescribedPredicate<JavaClass> domainCode() {
        return DescribedPredicate.describe("domain code", c -> !isWebAdapter(c)
                && c.getEnclosingClass().map(enclosing -> !isWebAdapter(enclosing)).orElse(true));
    }

    private static boolean isWebAdapter(JavaClass c) {
        return c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(RestControllerAdvice.class)
                || c.isAnnotatedWith(ControllerAdvice.class) || c.isAnnotatedWith(Configuration.class)
                || c.isAnnotatedWith(SpringBootApplication.class);
    }

    private static List<String> services() {
        return classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("io.kam."))
                .map(p -> p.split("\\.")).filter(parts -> parts.length > 2 && !NOT_DOMAIN.contains(parts[2]))
                .map(parts -> "io.kam." + parts[2]).collect(Collectors.toCollection(java.util.TreeSet::new)).stream()
                .toList();
    }

    /** A use case that refuses with a web exception, as the rule forbids. */
    static final class RefusesLikeAController {
        void approve() {
            throw new ApiProblem.Conflict("plan-exists", "the account has a plan");
        }
    }
}
