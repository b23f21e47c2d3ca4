package io.kam.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One nullability vocabulary: JSpecify's {@code @Nullable} and {@code @NullMarked}. Micronaut's own
 * {@code io.micronaut.core.annotation.Nullable} means the same to Micronaut Data (its processor maps JSpecify's to the
 * same {@code jakarta.annotation.Nullable} metadata), so nothing needs it. The rule is guarded twice: the classes it
 * checks include the services' real entities and repositories, where Micronaut's annotation used to be, and it fails
 * on a class that uses Micronaut's. (ArchUnit sees declaration annotations; Micronaut's {@code @Nullable} is one, so
 * it is caught on fields, parameters and methods.)
 */
class NullabilityTest {

    private static final String MICRONAUT_NULLABLE = "io.micronaut.core.annotation.Nullable";

    private static final ArchRule ONE_NULLABLE = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(MICRONAUT_NULLABLE)
            .because("nullability is said with JSpecify's @Nullable, which Micronaut Data reads as its own");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kam");
    }

    @Test
    void noClassUsesMicronautsNullable() {
        ONE_NULLABLE.check(production);
    }

    @Test
    void theRuleLooksAtTheRealEntitiesAndRepositories() {
        for (String entity : new String[] {"io.kam.accounts.account.Account", "io.kam.prospects.prospect.Prospect",
                "io.kam.visits.visit.Visit", "io.kam.visits.complaint.Complaint"}) {
            assertThat(production.contain(entity)).as("%s is imported", entity).isTrue();
            assertThat(production.get(entity).isAnnotatedWith("io.micronaut.data.annotation.MappedEntity"))
                    .as("%s is a Micronaut Data entity", entity).isTrue();
        }
        for (String repository : new String[] {"io.kam.accounts.store.StoreRepository",
                "io.kam.projection.review.StoreRows"}) {
            assertThat(production.contain(repository)).as("%s is imported", repository).isTrue();
            assertThat(production.get(repository).isAnnotatedWith("io.micronaut.data.jdbc.annotation.JdbcRepository"))
                    .as("%s is a Micronaut Data repository", repository).isTrue();
        }
    }

    @Test
    void theRuleFailsOnAClassThatUsesMicronautsNullable() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesMicronautsNullable.class);

        assertThatThrownBy(() -> ONE_NULLABLE.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesMicronautsNullable.class.getName())
                .hasMessageContaining(MICRONAUT_NULLABLE);
    }

    /** What the rule must refuse: an entity-like field annotated the Micronaut way. */
    static final class UsesMicronautsNullable {
        @io.micronaut.core.annotation.Nullable
        String note;
    }
}
