package io.kam.platform.persistence;

import java.util.UUID;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@SpringBootApplication
class PersistenceTestApplication {

    @Service
    static class NoteWriter {
        private final NoteRepository notes;
        private final JdbcClient jdbc;

        NoteWriter(NoteRepository notes, JdbcClient jdbc) {
            this.notes = notes;
            this.jdbc = jdbc;
        }

        /** Saves through Micronaut Data, reads back through Spring JDBC in the same transaction, then fails. */
        @Transactional
        long saveThenFail(UUID id) {
            notes.save(new Note(id, "draft plan", null));
            long seen = jdbc.sql("select count(*) from note where id = ?").param(id).query(Long.class).single();
            throw new SeenThenFailed(seen);
        }

        @Transactional
        void save(UUID id) {
            notes.save(new Note(id, "agreed plan", null));
        }
    }

    static final class SeenThenFailed extends RuntimeException {
        final long seen;

        SeenThenFailed(long seen) {
            super("failing on purpose after seeing " + seen + " rows");
            this.seen = seen;
        }
    }
}
