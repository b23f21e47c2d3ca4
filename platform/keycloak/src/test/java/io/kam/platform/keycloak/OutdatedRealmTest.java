package io.kam.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make run's Keycloak keeps its realm in a file database that Keycloak never re-imports into: after the realm file
 * changes, the database is started over, and only then.
 */
class OutdatedRealmTest {

    @Test
    void theFileDatabaseIsKeptWhileTheRealmFileIsUnchangedAndStartedOverWhenItChanges(@TempDir Path home) throws Exception {
        Path realm = Files.writeString(home.resolve("kam-realm.json"), "{\"realm\":\"kam\"}");
        Path database = Files.createDirectories(home.resolve("data/h2"));
        Path kept = Files.writeString(database.resolve("keycloakdb.mv.db"), "the first import");

        KeycloakServer.forgetAnOutdatedRealm(home, realm);
        assertThat(kept).as("a database of unknown origin is started over once").doesNotExist();

        Files.createDirectories(database);
        Files.writeString(kept, "imported from this realm file");
        KeycloakServer.forgetAnOutdatedRealm(home, realm);
        assertThat(kept).as("same realm file: admin-console changes survive").hasContent("imported from this realm file");

        Files.writeString(realm, "{\"realm\":\"kam\",\"clientScopes\":[]}");
        KeycloakServer.forgetAnOutdatedRealm(home, realm);
        assertThat(kept).as("the realm file changed").doesNotExist();
    }
}
