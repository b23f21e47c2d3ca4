package io.kam.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.kam.platform.testing.UsesRealInfrastructure;

/** Unique violations are told by constraint name, however the write reached the database. */
@SpringBootTest(classes = PersistenceTestApplication.class, properties = "spring.application.name=persistence-test")
@UsesRealInfrastructure(database = "persistence_test")
class UniqueViolationsTest {

    @Autowired
    NoteRepository notes;

    @Test
    void aSingleInsertNamesTheConstraint() {
        UUID id = UUID.randomUUID();
        notes.save(new Note(id, "first", null));

        Throwable failure = catchThrowable(() -> notes.save(new Note(id, "second", null)));

        assertThat(UniqueViolations.constraint(failure)).hasValue("note_pkey");
    }

    @Test
    void aBatchInsertNamesTheConstraintToo() {
        UUID id = UUID.randomUUID();
        notes.save(new Note(id, "first", null));

        Throwable failure = catchThrowable(() -> notes.saveAll(List.of(new Note(UUID.randomUUID(), "fine", null),
                new Note(id, "clash", null))));

        assertThat(UniqueViolations.constraint(failure)).as("%s", failure).hasValue("note_pkey");
        RuntimeException refused = new IllegalStateException("refused");
        assertThat(catchThrowable(() -> UniqueViolations.guard("note_pkey", () -> notes.saveAll(List.of(
                new Note(id, "again", null))), () -> refused))).isSameAs(refused);
    }

    @Test
    void otherFailuresAreNoUniqueViolation() {
        assertThat(UniqueViolations.constraint(new IllegalStateException("boom"))).isEmpty();
    }
}
