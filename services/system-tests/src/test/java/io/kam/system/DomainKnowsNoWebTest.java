package io.kam.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

/**
 * Aggregates and use cases refuse with {@link io.kam.platform.domain.Rejection}, which knows no HTTP; only a service's
 * web adapters (controllers, advice, the configuration that wires them, and the classes nested in them) use
 * {@code io.kam.platform.web} (ADR 0011). The services are found as {@link ArchitectureTest} finds them; the gateway,
 * which is all web, is left out. The features converted so far hold to the rule strictly. In the services that had
 * such dependencies when the rule came, those are frozen in {@code src/test/resources/archunit_store}: they may only
 * go away. A new service is checked strictly.
 */
class DomainKnowsNoWebTest {

    /** The features converted to rejections: the examples a new service follows. */
    private static final List<String> CONVERTED = List.of("io.kam.visits.complaint", "io.kam.accounts.plan",
            "io.kam.sellthrough.ingest", "io.kam.sellthrough.rows");

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
        List<String> services = ArchitectureTest.services(classes).stream().filter(s -> !s.equals("gateway")).toList();
        assertThat(services).contains("accounts", "prospects", "visits", "sellthrough", "projection");
        ArchitectureTest.frozenWhereStored(services.stream().map(DomainKnowsNoWebTest::domainRule).toList())
                .check(classes);
    }

    @Test
    void theRuleTellsDomainCodeFromWebAdaptersAndCatchesANewServiceThatMixesThem() {
        assertThat(domainCode().test(classes.get("io.kam.visits.complaint.ComplaintBook"))).isTrue();
        assertThat(domainCode().test(classes.get("io.kam.visits.complaint.ComplaintsController"))).isFalse();

        JavaClasses fixture = new ClassFileImporter().importPackages("io.kam.newservice");
        assertThat(domainRule("newservice").evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(v -> v.contains("io.kam.newservice.thing.ApproveThing") && v.contains("ApiProblem"));
    }

    /** The domain code of one service, io.kam.&lt;service&gt;, uses nothing of io.kam.platform.web. */
    static ArchRule domainRule(String service) {
        return noWebIn(List.of("io.kam." + service))
                .as("domain code of io.kam." + service + " should not depend on io.kam.platform.web");
    }

    private static ArchRule noWebIn(List<String> packages) {
        return noClasses().that(DescribedPredicate.describe("are domain code of " + packages,
                        (JavaClass c) -> packages.stream().anyMatch(p -> c.getPackageName().equals(p)
                                || c.getPackageName().startsWith(p + ".")) && domainCode().test(c)))
                .should().dependOnClassesThat().resideInAPackage("io.kam.platform.web..")
                .because("the domain refuses with io.kam.platform.domain.Rejection; the web adapters map it to HTTP");
    }

    /** Every class but the web adapters and the classes nested in them. */
    private static DescribedPredicate<JavaClass> domainCode() {
        return DescribedPredicate.describe("domain code", c -> !isWebAdapter(c)
                && c.getEnclosingClass().map(enclosing -> !isWebAdapter(enclosing)).orElse(true));
    }

    private static boolean isWebAdapter(JavaClass c) {
        return c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(RestControllerAdvice.class)
                || c.isAnnotatedWith(ControllerAdvice.class) || c.isAnnotatedWith(Configuration.class)
                || c.isAnnotatedWith(SpringBootApplication.class);
    }
}
