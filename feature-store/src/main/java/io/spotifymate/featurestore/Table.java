package io.spotifymate.featurestore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One feature-store table as the contract knows it: its name, partition key, clustering columns and every column with
 * its CQL type.
 *
 * @param columns column name → CQL type, in the order the migrations add them (types spelled without spaces)
 */
public record Table(String name, List<String> partitionKey, List<String> clustering, Map<String, String> columns) {

    public Table {
        partitionKey = List.copyOf(partitionKey);
        clustering = List.copyOf(clustering);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (String key : partitionKey) {
            requireKnown(name, columns, key);
        }
        for (String key : clustering) {
            requireKnown(name, columns, key);
        }
    }

    /** A table from {@code "name type"} column specs, e.g. {@code "plays int"}, {@code "tags frozen<map<text, int>>"}. */
    static Table of(String name, List<String> partitionKey, List<String> clustering, String... columnSpecs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String spec : columnSpecs) {
            int space = spec.indexOf(' ');
            columns.put(spec.substring(0, space), normaliseType(spec.substring(space + 1)));
        }
        return new Table(name, partitionKey, clustering, columns);
    }

    /** {@code map<text, double>} and {@code MAP<text,double>} are one type. */
    public static String normaliseType(String cqlType) {
        return cqlType.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** The column's name, if the table has it. */
    public String column(String column) {
        requireKnown(name, columns, column);
        return column;
    }

    @Override
    public String toString() {
        return name;
    }

    private static void requireKnown(String table, Map<String, String> columns, String column) {
        if (!columns.containsKey(column)) {
            throw new IllegalArgumentException("The feature store's table " + table + " has no column " + column);
        }
    }
}
