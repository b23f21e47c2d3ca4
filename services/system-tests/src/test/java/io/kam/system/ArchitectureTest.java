package io.kam.system;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.TextFileBasedViolationStore;

/**
 * The architecture, by convention rather than by lists. A <em>service</em> is any base package {@code io.kam.<name>}
 * among the imported production classes, other than the platform's ({@code io.kam.platform}), the benchmarks'
 * ({@code io.kam.bench}), the local runner's ({@code io.kam.local}) and these tests' ({@code io.kam.system}). Its
 * <em>contract</em> is {@code io.kam.<name>.api}, its <em>features</em> the other packages {@code io.kam.<name>.<feature>}.
 * For every service found:
 * <ul>
 *   <li>its contract depends, within {@code io.kam}, on contracts and {@code io.kam.platform.events} only (none of its
 *       own service's code, no other service's internals, no other platform module), and on no Spring and no
 *       Micronaut;</li>
 *   <li>it uses, of the rest of {@code io.kam}, the platform and other services' contracts only;</li>
 *   <li>its feature packages depend on each other without cycles. A rule listed in the store of frozen violations
 *       ({@code src/test/resources/archunit_store}, see {@code archunit.properties}) would tolerate the cycles frozen
 *       there; none is listed today, so every service, a new one included, is checked strictly.</li>
 * </ul>
 * The platform knows no service, and the sell-through rows stay framework-free.
 * <p>
 * A new service is covered without editing this test: it is enough that system-tests depends on it, and a guard fails
 * while a module under {@code services/} holds classes of a service this test does not see.
 * {@link #aServiceNobodyListedIsCoveredAllTheSame()} runs the discovery and the rules on made-up services
 * ({@code io.kam.newservice}, {@code io.kam.otherservice} in this module's test classes) that break each rule. Each
 * rule is also guarded against matching nothing (ArchUnit fails a rule that checks no class, and the guards below name
 * the services and contracts that must be found), so a renamed package cannot make it pass vacuously.
 */
class ArchitectureTest {

    /** Base packages under io.kam that are not services. */
    private static final Set<String> NOT_SERVICES = Set.of("platform", "bench", "local", "system");
    private static final Pattern SERVICE_PACKAGE = Pattern.compile("io\\.kam\\.([a-z][a-z0-9]*)(\\..*)?");

    private static JavaClasses classes;
    private static SortedSet<String> services;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kam");
        services = services(classes);
    }

    @Test
    void everyRuleLooksAtRealClasses() {
        assertThat(services).as("services found among the imported classes")
                .contains("accounts", "prospects", "visits", "sellthrough", "projection", "gateway");
        assertThat(contracts(classes)).as("contracts found among the imported classes")
                .contains("accounts", "prospects", "visits", "sellthrough");
        assertThat(servicesWithFeatures(classes)).as("services with feature packages")
                .contains("accounts", "prospects", "visits", "sellthrough", "projection");
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.kam.platform."))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("io.kam.sellthrough.rows"))).isNotEmpty();
    }

    /** A service whose module this module does not depend on would escape every rule: it must not. */
    @Test
    void everyServiceInTheSourcesIsAmongTheImportedClasses() {
        Sources sources = Sources.under(servicesFolder());
        assertThat(sources.services()).as("services with sources under %s", servicesFolder())
                .contains("accounts", "prospects", "visits", "sellthrough", "projection", "gateway");
        assertThat(services).as("services found among the imported classes; add a missing one to system-tests' pom")
                .containsAll(sources.services());
        assertThat(contracts(classes)).as("contracts found among the imported classes")
                .containsAll(sources.contracts());
        // A contract on the classpath names the service; its own code must be there too, or only the contract is checked.
        assertThat(servicesWithCodeBesidesTheContract(classes))
                .as("services whose code besides the contract is among the imported classes; add the -service module "
                        + "to system-tests' pom")
                .containsAll(sources.implementations());
    }

    @Test
    void contractsDependOnContractsAndEventsOnly() {
        CompositeArchRule.of(contracts(classes).stream().map(ArchitectureTest::contractRule).toList()).check(classes);
    }

    @Test
    void noServiceUsesAnotherServicesInternals() {
        CompositeArchRule.of(services.stream().map(ArchitectureTest::internalsRule).toList()).check(classes);
    }

    @Test
    void featurePackagesOfAServiceHaveNoCycles() {
        frozenWhereStored(servicesWithFeatures(classes).stream().map(ArchitectureTest::featureCyclesRule).toList())
                .check(classes);
    }

    @Test
    void thePlatformKnowsNoService() {
        noClasses().that().resideInAPackage("io.kam.platform..")
                .should().dependOnClassesThat(describe("belong to io.kam outside io.kam.platform",
                        c -> baseOf(c).filter(base -> !base.equals("platform")).isPresent()))
                .check(classes);
    }

    /**
     * The sell-through rows (reading and checking) are plain code: no framework, no database, no HTTP, no other feature
     * of the service, so that they can be tested, and reused for every source, without either.
     */
    @Test
    void sellThroughRowsKnowNoFrameworkAndNoOtherFeature() {
        noClasses().that().resideInAPackage("io.kam.sellthrough.rows..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micronaut..",
                        "java.sql..", "javax.sql..", "jakarta.servlet..", "io.kam.platform.web..",
                        "io.kam.platform.persistence..", "io.kam.platform.outbox..", "io.kam.platform.consumer..")
                .orShould().dependOnClassesThat(describe("belong to io.kam.sellthrough outside rows and api",
                        c -> inService(c, "sellthrough") && !inPackage(c, "io.kam.sellthrough.rows")
                                && !inPackage(c, "io.kam.sellthrough.api")))
                .check(classes);
    }

    /** The discovery and the rules, on made-up services that break them: nothing here names them but the fixture. */
    @Test
    void aServiceNobodyListedIsCoveredAllTheSame() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.kam.newservice", "io.kam.otherservice");
        assertThat(services(fixture)).containsExactly("newservice", "otherservice");
        assertThat(contracts(fixture)).containsExactly("newservice");
        assertThat(servicesWithFeatures(fixture)).contains("newservice");

        assertThat(contractRule("newservice").evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(v -> v.contains("io.kam.newservice.api.ThingHappened") && v.contains("io.kam.newservice.thing.Thing"));
        assertThat(internalsRule("newservice").evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(v -> v.contains("io.kam.newservice.thing.Thing") && v.contains("io.kam.otherservice.secret.Secret"));
        assertThat(featureCyclesRule("newservice").evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(v -> v.contains("Cycle detected") && v.contains("thing") && v.contains("other"));
        assertThat(internalsRule("otherservice").evaluate(fixture).hasViolation()).isFalse();
    }

    /** A service's contract: within io.kam contracts and io.kam.platform.events only, and no framework. */
    static ArchRule contractRule(String service) {
        return noClasses().that().resideInAPackage("io.kam." + service + ".api..")
                .should().dependOnClassesThat(describe("belong to io.kam outside the contracts and io.kam.platform.events",
                        c -> baseOf(c).isPresent() && !isContract(c) && !inPackage(c, "io.kam.platform.events")))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micronaut..")
                .because("a contract (-api module) holds the published events and the request and response records, "
                        + "over kam-events, and nothing else");
    }

    /** A service uses, of the rest of io.kam, the platform and other services' contracts only. */
    static ArchRule internalsRule(String service) {
        return noClasses().that().resideInAPackage("io.kam." + service + "..")
                .should().dependOnClassesThat(describe("belong to io.kam outside " + service
                                + ", the platform and the contracts",
                        c -> baseOf(c).filter(base -> !base.equals(service) && !base.equals("platform")).isPresent()
                                && !isContract(c)))
                .because("services talk through published contracts (-api modules) and events only");
    }

    /** The feature packages io.kam.&lt;service&gt;.&lt;feature&gt; depend on each other without cycles. */
    static ArchRule featureCyclesRule(String service) {
        return slices().matching("io.kam." + service + ".(*)..").namingSlices("io.kam." + service + ".$1")
                .should().beFreeOfCycles()
                .as("feature packages of io.kam." + service + " should be free of cycles");
    }

    /**
     * The rules as one, each checked through the store of frozen violations if it is listed there, strictly if not: a
     * rule (a service) that came after the freeze never has its violations frozen unnoticed.
     */
    static ArchRule frozenWhereStored(List<ArchRule> rules) {
        TextFileBasedViolationStore store = new TextFileBasedViolationStore();
        store.initialize(ArchConfiguration.get().getSubProperties("freeze.store"));
        return CompositeArchRule.of(rules.stream().map(rule -> store.contains(rule) ? FreezingArchRule.freeze(rule) : rule)
                .toList());
    }

    /** The services among these classes: the base packages io.kam.&lt;name&gt; that are not the platform's or a tool's. */
    static SortedSet<String> services(JavaClasses classes) {
        return classes.stream().map(ArchitectureTest::baseOf).flatMap(Optional::stream)
                .filter(base -> !NOT_SERVICES.contains(base)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services among these classes that publish a contract, io.kam.&lt;name&gt;.api. */
    static SortedSet<String> contracts(JavaClasses classes) {
        return classes.stream().filter(ArchitectureTest::isContract).map(ArchitectureTest::baseOf)
                .flatMap(Optional::stream).filter(base -> !NOT_SERVICES.contains(base))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services among these classes with at least one class outside their contract io.kam.&lt;name&gt;.api. */
    static SortedSet<String> servicesWithCodeBesidesTheContract(JavaClasses classes) {
        return services(classes).stream().filter(service -> classes.stream()
                        .anyMatch(c -> inService(c, service) && !inPackage(c, "io.kam." + service + ".api")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The services among these classes with classes in at least one package io.kam.&lt;name&gt;.&lt;feature&gt;. */
    static SortedSet<String> servicesWithFeatures(JavaClasses classes) {
        return services(classes).stream().filter(service -> classes.stream()
                        .anyMatch(c -> c.getPackageName().startsWith("io.kam." + service + ".")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Optional<String> baseOf(JavaClass c) {
        Matcher m = SERVICE_PACKAGE.matcher(c.getPackageName());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isContract(JavaClass c) {
        return baseOf(c).filter(base -> !base.equals("platform") && inPackage(c, "io.kam." + base + ".api")).isPresent();
    }

    private static boolean inService(JavaClass c, String service) {
        return inPackage(c, "io.kam." + service);
    }

    private static boolean inPackage(JavaClass c, String name) {
        return c.getPackageName().equals(name) || c.getPackageName().startsWith(name + ".");
    }

    /** services/, from this module's compiled test classes (services/system-tests/target/test-classes). */
    private static Path servicesFolder() {
        try {
            Path testClasses = Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The services and contracts that have production sources under a folder: src/main/java/io/kam/&lt;name&gt;[/api];
     * implementations are the services with sources there besides api (a -service module, not only a contract).
     */
    private record Sources(SortedSet<String> services, SortedSet<String> contracts, SortedSet<String> implementations) {

        static Sources under(Path folder) {
            List<Path> bases = new ArrayList<>();
            Path sourceRoot = Path.of("src", "main", "java", "io", "kam");
            try (Stream<Path> paths = Files.walk(folder, 8)) {
                paths.filter(Files::isDirectory).filter(p -> p.getParent() != null && p.getParent().endsWith(sourceRoot))
                        .forEach(bases::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SortedSet<String> services = new TreeSet<>();
            SortedSet<String> contracts = new TreeSet<>();
            SortedSet<String> implementations = new TreeSet<>();
            for (Path base : bases) {
                String name = base.getFileName().toString();
                if (!NOT_SERVICES.contains(name)) {
                    services.add(name);
                    if (Files.isDirectory(base.resolve("api"))) {
                        contracts.add(name);
                    }
                    if (hasMoreThanTheContract(base)) {
                        implementations.add(name);
                    }
                }
            }
            return new Sources(services, contracts, implementations);
        }

        private static boolean hasMoreThanTheContract(Path base) {
            try (Stream<Path> entries = Files.list(base)) {
                return entries.anyMatch(entry -> !entry.getFileName().toString().equals("api"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
