package io.spotifymate.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.spotifymate.events.artifact.Checksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned CQL migrations, applied in version order and recorded with a checksum, like Flyway for PostgreSQL. Files
 * are named {@code V<version>__<description>.cql}; statements end with a semicolon at the end of a line. A recorded
 * file whose content changed is an error: write a new version instead. Used by the one-machine stack and by the
 * Kubernetes Job ({@link ApplySchema}); there, the keyspaces' replication is set after the files (V001 creates the
 * feature store with one replica, as on one machine).
 */
public final class CqlMigrations {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.cql");
    private static final Pattern CREATE_KEYSPACE =
            Pattern.compile("(?i)CREATE\\s+KEYSPACE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final String HISTORY_KEYSPACE = "spotifymate_schema";

    private final Path dir;

    public CqlMigrations(Path dir) {
        this.dir = dir;
    }

    /** A migration file. */
    record Migration(int version, String description, Path file, String checksum, List<String> statements) {}

    /** Applies the pending migrations; returns how many were applied. */
    public int apply(CqlSession session) {
        return apply(session, null);
    }

    /**
     * Applies the pending migrations, then, when {@code replication} is given (a CQL replication map such as
     * {@code {'class': 'NetworkTopologyStrategy', 'dc1': 3}}), sets it on every keyspace the files create and on the
     * migration history's. Returns how many files were applied.
     */
    public int apply(CqlSession session, String replication) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + HISTORY_KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_KEYSPACE + ".applied_migrations ("
                + "version int PRIMARY KEY, description text, checksum text, applied_at timestamp)");
        int applied = 0;
        for (Migration migration : migrations()) {
            Row row = session.execute(
                            "SELECT checksum FROM " + HISTORY_KEYSPACE + ".applied_migrations WHERE version = ?",
                            migration.version())
                    .one();
            if (row != null) {
                if (!row.getString("checksum").equals(migration.checksum())) {
                    throw new MigrationException(
                            "CQL migration " + migration.file().getFileName()
                                    + " changed after it was applied; add a new version instead of editing it");
                }
                continue;
            }
            migration.statements().forEach(session::execute);
            session.execute(
                    "INSERT INTO " + HISTORY_KEYSPACE
                            + ".applied_migrations (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    migration.version(),
                    migration.description(),
                    migration.checksum(),
                    Instant.now());
            applied++;
        }
        if (replication != null) {
            for (String keyspace : keyspaces()) {
                session.execute("ALTER KEYSPACE " + keyspace + " WITH replication = " + replication);
            }
        }
        return applied;
    }

    /** The keyspaces the files create, and the history's. */
    Set<String> keyspaces() {
        Set<String> keyspaces = new LinkedHashSet<>();
        for (Migration migration : migrations()) {
            for (String statement : migration.statements()) {
                Matcher create = CREATE_KEYSPACE.matcher(statement);
                if (create.lookingAt()) {
                    keyspaces.add(create.group(1));
                }
            }
        }
        keyspaces.add(HISTORY_KEYSPACE);
        return keyspaces;
    }

    List<Migration> migrations() {
        if (!Files.isDirectory(dir)) {
            throw new MigrationException("No CQL migrations folder at " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            file -> FILE.matcher(file.getFileName().toString()).matches())
                    .map(CqlMigrations::read)
                    .sorted((a, b) -> Integer.compare(a.version(), b.version()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Migration read(Path file) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new Migration(
                    Integer.parseInt(name.group(1)),
                    name.group(2).replace('_', ' '),
                    file,
                    Checksums.sha256(text.getBytes(StandardCharsets.UTF_8)),
                    statements(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a file into statements, dropping {@code --} comment lines. */
    static List<String> statements(String text) {
        String withoutComments =
                text.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }
}
