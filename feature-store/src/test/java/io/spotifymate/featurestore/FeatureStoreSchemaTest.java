package io.spotifymate.featurestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FeatureStoreSchemaTest {

    private static final Path MIGRATIONS = Path.of("..", "deploy", "cassandra");
    private static final Pattern CREATE =
            Pattern.compile("CREATE TABLE IF NOT EXISTS " + FeatureStoreSchema.KEYSPACE + "\\.(\\w+) \\(");
    private static final Pattern ALTER =
            Pattern.compile("ALTER TABLE " + FeatureStoreSchema.KEYSPACE + "\\.(\\w+) ADD \\(?(.*?)\\)?");
    private static final Pattern DROP =
            Pattern.compile("DROP TABLE IF EXISTS " + FeatureStoreSchema.KEYSPACE + "\\.(\\w+)");

    @Test
    void theContractIsWhatTheMigrationsCreateColumnForColumn() throws IOException {
        Map<String, Table> migrated = tablesAfterMigrations();
        Map<String, Table> contract = FeatureStoreSchema.TABLES.stream()
                .collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));

        assertThat(contract.keySet()).containsExactlyInAnyOrderElementsOf(migrated.keySet());
        for (Table table : migrated.values()) {
            Table declared = contract.get(table.name());
            assertThat(declared.partitionKey())
                    .as(table.name() + " partition key")
                    .isEqualTo(table.partitionKey());
            assertThat(declared.clustering()).as(table.name() + " clustering").isEqualTo(table.clustering());
            assertThat(declared.columns()).as(table.name() + " columns").isEqualTo(table.columns());
        }
    }

    @Test
    void aStatementNamingATableOrColumnTheStoreLacksIsRefused() {
        String read =
                "SELECT token(playlist_id), playlist_id, tracks FROM playlists WHERE token(playlist_id) >= ? LIMIT ?";
        assertThat(FeatureStoreSchema.cql(read)).isSameAs(read);
        FeatureStoreSchema.cql("SELECT played_at, WRITETIME(ms_played) AS written FROM plays_by_user_track "
                + "WHERE user_id = ? AND track_id IN ?");
        FeatureStoreSchema.cql("UPDATE tracks USING TIMESTAMP 1 SET name = ?, artist_name = ? WHERE track_id = ?");
        FeatureStoreSchema.cql("INSERT INTO featurestore.user_feedback (user_id, target, target_id, kind, given_at, "
                + "event_id) VALUES (?, ?, ?, ?, ?, ?)");
        FeatureStoreSchema.cql("SELECT stats_id FROM normalisation_current WHERE scope = 'audio'");
        FeatureStoreSchema.cql("DELETE FROM user_track_stats WHERE user_id = :user AND track_id = :track");

        assertThatThrownBy(() -> FeatureStoreSchema.cql("SELECT track_id, popularity FROM tracks WHERE track_id = ?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracks has no column popularity");
        assertThatThrownBy(() -> FeatureStoreSchema.cql("SELECT name FROM track WHERE track_id = ?"))
                .hasMessageContaining("no table track");
        assertThatThrownBy(() -> FeatureStoreSchema.cql("UPDATE tracks SET listener = ? WHERE track_id = ?"))
                .hasMessageContaining("no column listener");
        assertThatThrownBy(() -> FeatureStoreSchema.cql("SELECT plays FROM user_profiles WHERE user = ?"))
                .hasMessageContaining("no column user");
    }

    /** The tables the CQL files leave behind when applied in order (CREATE, ALTER ... ADD, DROP). */
    private static Map<String, Table> tablesAfterMigrations() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(MIGRATIONS)) {
            files = listed.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.cql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        }
        assertThat(files).as("migrations in " + MIGRATIONS.toAbsolutePath()).isNotEmpty();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Path file : files) {
            String text = Files.readAllLines(file).stream()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining(" "));
            for (String statement : text.split(";")) {
                apply(tables, statement.strip().replaceAll("\\s+", " "));
            }
        }
        return tables;
    }

    private static void apply(Map<String, Table> tables, String statement) {
        Matcher create = CREATE.matcher(statement);
        Matcher alter = ALTER.matcher(statement);
        Matcher drop = DROP.matcher(statement);
        if (create.lookingAt()) {
            Map<String, String> columns = new LinkedHashMap<>();
            List<String> partitionKey = new ArrayList<>();
            List<String> clustering = new ArrayList<>();
            for (String part : topLevel(parenthesised(statement, create.end() - 1))) {
                if (part.toUpperCase().startsWith("PRIMARY KEY")) {
                    List<String> keys = topLevel(parenthesised(part, part.indexOf('(')));
                    String first = keys.get(0);
                    partitionKey.addAll(
                            first.startsWith("(") ? topLevel(first.substring(1, first.length() - 1)) : List.of(first));
                    clustering.addAll(keys.subList(1, keys.size()));
                } else {
                    String[] nameAndType = part.split(" ", 2);
                    String type = nameAndType[1];
                    if (type.toUpperCase().endsWith(" PRIMARY KEY")) {
                        type = type.substring(0, type.length() - " PRIMARY KEY".length());
                        partitionKey.add(nameAndType[0]);
                    }
                    columns.put(nameAndType[0], Table.normaliseType(type));
                }
            }
            tables.put(create.group(1), new Table(create.group(1), partitionKey, clustering, columns));
        } else if (alter.matches()) {
            Table table = tables.get(alter.group(1));
            Map<String, String> columns = new LinkedHashMap<>(table.columns());
            for (String part : topLevel(alter.group(2))) {
                String[] nameAndType = part.split(" ", 2);
                columns.put(nameAndType[0], Table.normaliseType(nameAndType[1]));
            }
            tables.put(table.name(), new Table(table.name(), table.partitionKey(), table.clustering(), columns));
        } else if (drop.matches()) {
            tables.remove(drop.group(1));
        } else if (!statement.isEmpty() && !statement.startsWith("CREATE KEYSPACE")) {
            throw new AssertionError("A migration statement this test cannot read: " + statement);
        }
    }

    /** The text inside the parenthesis opening at {@code open}. */
    private static String parenthesised(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new AssertionError("Unbalanced parentheses in " + text);
    }

    /** Splits at the commas outside any {@code <>} or {@code ()}. */
    private static List<String> topLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
