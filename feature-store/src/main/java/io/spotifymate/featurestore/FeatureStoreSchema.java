package io.spotifymate.featurestore;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The feature store (Cassandra keyspace {@value #KEYSPACE}): written by the feature-service only, read by the
 * model-service and the recommender-service. The tables here are what the versioned CQL in {@code deploy/cassandra}
 * creates, column for column ({@code FeatureStoreSchemaTest} fails when they differ). Every statement a service runs
 * on the store goes through {@link #cql}, which refuses a table or a column the contract does not have: a service's
 * statements are prepared when it starts, so a reader that drifted from the writer fails there and in its tests, not
 * on the first request that reads the wrong column.
 */
public final class FeatureStoreSchema {

    public static final String KEYSPACE = "featurestore";

    /**
     * The version of what the rows mean (features, their normalisation, the statistics' rules), which models record
     * with themselves: a change that makes old rows read differently bumps it.
     */
    public static final int VERSION = 2;

    public static final Table PLAYS_BY_USER = Table.of(
            "plays_by_user",
            List.of("user_id", "month"),
            List.of("played_at", "event_id"),
            "user_id text",
            "month text",
            "played_at timestamp",
            "event_id text",
            "track_id text",
            "ms_played bigint",
            "source text",
            "artist_name text",
            "reason_end text",
            "skipped boolean");

    public static final Table PLAYS_BY_USER_TRACK = Table.of(
            "plays_by_user_track",
            List.of("user_id", "track_id"),
            List.of("played_at", "event_id"),
            "user_id text",
            "track_id text",
            "played_at timestamp",
            "event_id text",
            "ms_played bigint",
            "artist_name text",
            "reason_end text",
            "skipped boolean");

    public static final Table USER_TRACK_STATS = Table.of(
            "user_track_stats",
            List.of("user_id"),
            List.of("track_id"),
            "user_id text",
            "track_id text",
            "plays int",
            "total_ms bigint",
            "first_played timestamp",
            "last_played timestamp",
            "artist_name text",
            "completed_plays int",
            "skips int",
            "affinity_log2 double");

    public static final Table TRACKS = Table.of(
            "tracks",
            List.of("track_id"),
            List.of(),
            "track_id text",
            "name text",
            "artist_name text",
            "album_name text",
            "artist_id text",
            "duration_ms bigint",
            "release_year int",
            "genres frozen<list<text>>",
            "raw_features frozen<map<text, double>>",
            "in_catalog boolean",
            "filled_features frozen<list<double>>",
            "features frozen<list<double>>",
            "imputed frozen<map<text, text>>",
            "stats_id text",
            "embedding vector<float, 384>",
            "embedded_text text",
            "listeners int",
            "total_plays bigint",
            "merged_into text");

    public static final Table ARTISTS = Table.of(
            "artists", List.of("artist_id"), List.of(), "artist_id text", "name text", "tags frozen<map<text, int>>");

    public static final Table NORMALISATION_STATS = Table.of(
            "normalisation_stats",
            List.of("stats_id"),
            List.of("feature"),
            "stats_id text",
            "feature text",
            "method text",
            "count bigint",
            "mean double",
            "stddev double",
            "min double",
            "max double",
            "median double");

    public static final Table NORMALISATION_CURRENT = Table.of(
            "normalisation_current",
            List.of("scope"),
            List.of(),
            "scope text",
            "stats_id text",
            "tracks bigint",
            "fitted_at timestamp");

    public static final Table USER_FEEDBACK = Table.of(
            "user_feedback",
            List.of("user_id"),
            List.of("target", "target_id"),
            "user_id text",
            "target text",
            "target_id text",
            "kind text",
            "given_at timestamp",
            "event_id text");

    public static final Table USER_ARTIST_STATS = Table.of(
            "user_artist_stats",
            List.of("user_id"),
            List.of("artist_id"),
            "user_id text",
            "artist_id text",
            "artist_name text",
            "plays int",
            "completed_plays int",
            "skips int",
            "total_ms bigint",
            "first_played timestamp",
            "last_played timestamp",
            "affinity_log2 double");

    public static final Table USER_MONTH_ACTIVITY = Table.of(
            "user_month_activity",
            List.of("user_id"),
            List.of("month"),
            "user_id text",
            "month text",
            "plays int",
            "skips int",
            "total_ms bigint",
            "by_hour frozen<list<int>>",
            "by_weekday frozen<list<int>>",
            "artists frozen<set<text>>");

    public static final Table USER_PROFILES = Table.of(
            "user_profiles",
            List.of("user_id"),
            List.of(),
            "user_id text",
            "plays bigint",
            "completed_plays bigint",
            "skips bigint",
            "total_ms bigint",
            "distinct_tracks int",
            "distinct_artists int",
            "first_played timestamp",
            "last_played timestamp",
            "profile frozen<list<double>>",
            "profile_tracks int",
            "tags frozen<map<text, double>>",
            "moods frozen<map<text, double>>",
            "by_hour frozen<list<bigint>>",
            "by_weekday frozen<list<bigint>>",
            "stats_id text");

    public static final Table PLAYLISTS = Table.of(
            "playlists",
            List.of("playlist_id"),
            List.of(),
            "playlist_id text",
            "name text",
            "owner_user_id text",
            "followers int",
            "tracks frozen<list<text>>",
            "source text");

    public static final Table TRACK_PLAYLISTS = Table.of(
            "track_playlists",
            List.of("track_id"),
            List.of("playlist_id"),
            "track_id text",
            "playlist_id text",
            "position int",
            "playlist_length int");

    public static final Table PENDING_MARKS = Table.of(
            "pending_marks",
            List.of("bucket"),
            List.of("user_id"),
            "bucket int",
            "user_id text",
            "months set<text>",
            "tracks set<text>",
            "marked timeuuid");

    public static final Table CATALOG_CHANGES = Table.of(
            "catalog_changes", List.of("minute"), List.of("kind", "id"), "minute bigint", "kind text", "id text");

    public static final Table LOCAL_TRACK_KEYS = Table.of(
            "local_track_keys",
            List.of("match_key"),
            List.of("track_id"),
            "match_key text",
            "track_id text",
            "artist_name text",
            "track_name text");

    public static final Table LOCAL_TRACK_LISTENERS =
            Table.of("local_track_listeners", List.of("track_id"), List.of("user_id"), "track_id text", "user_id text");

    public static final Table TRACK_ALIASES = Table.of(
            "track_aliases",
            List.of("alias_id"),
            List.of(),
            "alias_id text",
            "track_id text",
            "matched_by text",
            "aliased_at timestamp");

    public static final Table CATALOG_TRACK_KEYS = Table.of(
            "catalog_track_keys",
            List.of("match_key"),
            List.of("track_id"),
            "match_key text",
            "track_id text",
            "artist_name text",
            "track_name text",
            "cataloged_at timestamp");

    public static final Table CORPUS_ARTIST_PLAYS = Table.of(
            "corpus_artist_plays",
            List.of("user_id"),
            List.of("artist_id"),
            "user_id text",
            "artist_id text",
            "artist_name text",
            "plays bigint",
            "source text");

    /** Every table, in the order the migrations create them. */
    public static final List<Table> TABLES = List.of(
            PLAYS_BY_USER,
            PLAYS_BY_USER_TRACK,
            USER_TRACK_STATS,
            TRACKS,
            ARTISTS,
            NORMALISATION_STATS,
            NORMALISATION_CURRENT,
            USER_FEEDBACK,
            USER_ARTIST_STATS,
            USER_MONTH_ACTIVITY,
            USER_PROFILES,
            PLAYLISTS,
            TRACK_PLAYLISTS,
            PENDING_MARKS,
            CATALOG_CHANGES,
            LOCAL_TRACK_KEYS,
            LOCAL_TRACK_LISTENERS,
            TRACK_ALIASES,
            CATALOG_TRACK_KEYS,
            CORPUS_ARTIST_PLAYS);

    private static final Map<String, Table> BY_NAME =
            TABLES.stream().collect(Collectors.toUnmodifiableMap(Table::name, Function.identity()));
    private static final Pattern TABLE =
            Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE)\\s+(?:" + KEYSPACE + "\\.)?(\\w+)");
    private static final Pattern WORD = Pattern.compile("(?<![:\\w])[A-Za-z_]\\w*+(?!\\s*\\()");
    private static final Pattern NOT_A_COLUMN = Pattern.compile("'[^']*'|(?i)\\bAS\\s+\\w+");
    private static final Set<String> KEYWORDS = Set.of(
            "select",
            "distinct",
            "from",
            "where",
            "and",
            "in",
            "insert",
            "into",
            "values",
            "update",
            "set",
            "using",
            "timestamp",
            "ttl",
            "delete",
            "limit",
            "if",
            "exists",
            "not",
            "order",
            "by",
            "asc",
            "desc",
            "allow",
            "filtering",
            "null",
            "true",
            "false",
            "per",
            "partition",
            "contains",
            "key");

    private FeatureStoreSchema() {}

    /**
     * The statement, once its table and every column it names are checked against the contract.
     *
     * @throws IllegalArgumentException naming the table or column the feature store does not have
     */
    public static String cql(String statement) {
        Matcher table = TABLE.matcher(statement);
        if (!table.find()) {
            throw new IllegalArgumentException("No feature-store table named in: " + statement);
        }
        Table target = BY_NAME.get(table.group(1).toLowerCase(Locale.ROOT));
        if (target == null) {
            throw new IllegalArgumentException("The feature store has no table " + table.group(1) + ": " + statement);
        }
        Matcher word = WORD.matcher(NOT_A_COLUMN.matcher(statement).replaceAll(" "));
        while (word.find()) {
            String name = word.group().toLowerCase(Locale.ROOT);
            if (!KEYWORDS.contains(name) && !name.equals(target.name()) && !name.equals(KEYSPACE)) {
                target.column(name);
            }
        }
        return statement;
    }
}
