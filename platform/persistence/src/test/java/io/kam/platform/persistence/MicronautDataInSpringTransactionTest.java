package io.kam.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.UsesRealInfrastructure;

@SpringBootTest(classes = PersistenceTestApplication.class, properties = "spring.application.name=persistence-test")
@UsesRealInfrastructure(database = "persistence_test")
class MicronautDataInSpringTransactionTest {

    @Autowired
    PersistenceTestApplication.NoteWriter writer;
    @Autowired
    NoteRepository notes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repositoryWritesJoinTheSpringTransactionAndRollBackWithIt() {
        UUID id = UUID.randomUUID();

        var failure = catchThrowableOfType(PersistenceTestApplication.SeenThenFailed.class, () -> writer.saveThenFail(id));

        assertThat(failure.seen).as("Spring JDBC saw the repository's write on the same connection").isEqualTo(1);
        assertThat(notes.findById(id)).as("the rollback removed the repository's write").isEmpty();
    }

    @Test
    void committedWritesAreVisibleToBothSides() {
        UUID id = UUID.randomUUID();

        writer.save(id);

        assertThat(notes.findById(id)).hasValueSatisfying(n -> assertThat(n.version()).isZero());
        assertThat(jdbc.sql("select text from note where id = ?").param(id).query(String.class).single())
                .isEqualTo("agreed plan");
    }

    @Test
    void platformTablesAreMigratedBeforeTheServiceSchema() {
        assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list()).containsExactly("0.1", "0.2", "0.3", "0.4", "1");
    }
}
