package io.kam.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Services talk through their published contracts only: no service uses another service's internals, the
 * platform knows no service, and a contract module knows no service code. Each rule is guarded against matching
 * nothing, so a renamed package cannot make it pass vacuously.
 */
class ArchitectureTest {

    /** Every service's base package, and the package of its published contract. */
    private static final List<String> SERVICES = List.of("io.kam.accounts", "io.kam.prospects", "io.kam.projection",
            "io.kam.visits", "io.kam.sellthrough", "io.kam.gateway");

    /** The feature packages of the visits service, each of which must hold classes. */
    private static final List<String> VISITS_FEATURES = List.of("io.kam.visits.access", "io.kam.visits.planning",
            "io.kam.visits.replica", "io.kam.visits.visit", "io.kam.visits.commitment", "io.kam.visits.listing",
            "io.kam.visits.storecheck", "io.kam.visits.complaint", "io.kam.visits.trip", "io.kam.visits.compliance");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kam");
    }

    @Test
    void everyRuleLooksAtRealClasses() {
        for (String service : SERVICES) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(service)
                    || c.getPackageName().startsWith(service + ".")))
                    .as("classes of %s", service).isNotEmpty();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.accounts.api"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.prospects.api"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.visits.api"))).isNotEmpty();
        for (String feature : VISITS_FEATURES) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(feature))).as("classes of %s", feature)
                    .isNotEmpty();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.sellthrough.api"))).isNotEmpty();
        for (String feature : List.of("rows", "ingest", "batch", "connector", "replica", "settings", "access")) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals("io.kam.sellthrough." + feature)))
                    .as("classes of io.kam.sellthrough.%s", feature).isNotEmpty();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.platform."))).isNotEmpty();
    }

    @Test
    void noServiceUsesAnotherServicesInternals() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (other.equals(service)) {
                    continue;
                }
                noClasses().that().resideInAPackage(service + "..")
                        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "belong to " + other + " outside its .api package",
                                c -> (c.getPackageName().equals(other) || c.getPackageName().startsWith(other + "."))
                                        && !c.getPackageName().startsWith(other + ".api")))
                        .because("services talk through published contracts (-api modules) and events only")
                        .check(classes);
            }
        }
    }

    @Test
    void thePlatformKnowsNoService() {
        noClasses().that().resideInAPackage("io.kam.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                .check(classes);
    }

    /** The sell-through contract, like every contract: records and enums over kam-events, nothing else. */
    @Test
    void theSellThroughContractDependsOnNoServiceCodeAndNoFramework() {
        noClasses().that().resideInAPackage("io.kam.sellthrough.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kam.sellthrough.rows..", "io.kam.sellthrough.ingest..",
                        "io.kam.sellthrough.batch..", "io.kam.sellthrough.connector..", "io.kam.sellthrough.replica..",
                        "io.kam.sellthrough.settings..", "io.kam.sellthrough.access..", "org.springframework..",
                        "io.micronaut..", "io.kam.platform.outbox..", "io.kam.platform.web..", "io.kam.platform.persistence..")
                .check(classes);
    }

    /**
     * The sell-through rows (reading and checking) are plain code: no framework, no database, no HTTP, so that they can
     * be tested, and reused for every source, without either.
     */
    @Test
    void sellThroughRowsKnowNoFrameworkAndNoOtherFeature() {
        noClasses().that().resideInAPackage("io.kam.sellthrough.rows..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "io.kam.sellthrough.ingest..", "io.kam.sellthrough.batch..", "io.kam.sellthrough.connector..",
                        "io.kam.sellthrough.replica..", "io.kam.sellthrough.settings..", "io.kam.platform.web..")
                .check(classes);
    }

    @Test
    void theVisitsContractDependsOnNoServiceCodeAndNoFramework() {
        noClasses().that().resideInAPackage("io.kam.visits.api..")
                .should().dependOnClassesThat().resideInAnyPackage(VISITS_FEATURES.stream().map(p -> p + "..")
                        .toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micronaut..",
                        "io.kam.platform.outbox..", "io.kam.platform.web..", "io.kam.platform.persistence..",
                        "io.kam.platform.consumer..")
                .check(classes);
    }

    @Test
    void contractsDependOnNoServiceCodeAndNoFramework() {
        noClasses().that().resideInAPackage("io.kam.accounts.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kam.accounts.account..", "io.kam.accounts.store..",
                        "io.kam.accounts.contact..", "org.springframework..", "io.micronaut..", "io.kam.platform.outbox..",
                        "io.kam.platform.web..", "io.kam.platform.persistence..")
                .check(classes);
        noClasses().that().resideInAPackage("io.kam.prospects.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kam.prospects.prospect..",
                        "io.kam.prospects.screening..", "io.kam.prospects.account..", "org.springframework..",
                        "io.micronaut..", "io.kam.platform.outbox..", "io.kam.platform.web..", "io.kam.platform.persistence..")
                .check(classes);
    }
}
