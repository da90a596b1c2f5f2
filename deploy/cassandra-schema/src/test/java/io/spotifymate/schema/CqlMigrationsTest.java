package io.spotifymate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CqlMigrationsTest {

    @Test
    void cqlFilesSplitIntoStatementsWithoutComments() {
        var statements = CqlMigrations.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (x int PRIMARY KEY);

                CREATE TABLE b (
                    y text PRIMARY KEY
                );
                """);

        assertThat(statements)
                .containsExactly("CREATE TABLE a (x int PRIMARY KEY)", "CREATE TABLE b (\n    y text PRIMARY KEY\n)");
    }

    @Test
    void theProjectsFilesAreReadInVersionOrderAndTheirKeyspacesFound() {
        CqlMigrations migrations = new CqlMigrations(Path.of("../cassandra"));

        assertThat(migrations.migrations())
                .extracting(CqlMigrations.Migration::version)
                .isSorted()
                .startsWith(1, 2, 3);
        assertThat(migrations.keyspaces()).containsExactly("featurestore", "spotifymate_schema");
    }
}
