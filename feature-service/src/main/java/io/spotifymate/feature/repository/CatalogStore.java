package io.spotifymate.feature.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.AudioFeatures;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.feature.service.NormalisationStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The catalog side of the feature store: tracks with their features, artists with their tags, the normalisation. */
@ApplicationScoped
public class CatalogStore {

    private static final int PAGE = 5_000;
    private static final String SCOPE = "audio";
    /** A track row as the catalog job and the readers see it. */
    public record TrackRow(
            String trackId,
            String name,
            String artistName,
            String albumName,
            String artistId,
            Long durationMs,
            Integer releaseYear,
            List<String> genres,
            Map<String, Double> rawFeatures,
            boolean inCatalog,
            List<Double> filledFeatures,
            List<Double> features,
            Map<String, String> imputed,
            String statsId,
            String embeddedText,
            Integer listeners,
            Long totalPlays) {

        /** The raw features with the duration among them, as {@code AudioFeatureSpace.transform} reads them. */
        public Map<String, Double> rawWithDuration() {
            Map<String, Double> raw = new HashMap<>(rawFeatures);
            if (durationMs != null) {
                raw.put("duration_ms", durationMs.doubleValue());
            }
            return raw;
        }
    }

    /** What the catalog job writes back for a track. */
    public record DerivedFeatures(
            List<Double> filledFeatures, List<Double> features, Map<String, String> imputed, String statsId) {}

    /** An artist and its tags, most used first. */
    public record ArtistRow(String artistId, String name, Map<String, Integer> tags) {

        /** Tags by count, ties by name: the order the imputation and the profiles use. */
        public List<String> topTags(int limit) {
            return tags.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    private static final String TRACK_COLUMNS = "track_id, name, artist_name, album_name, artist_id, duration_ms, "
            + "release_year, genres, raw_features, in_catalog, filled_features, features, imputed, stats_id, "
            + "embedded_text, listeners, total_plays, merged_into";

    private final QuarkusCqlSession session;
    private volatile Statements statements;

    private final CatalogChanges changes;
    private final CatalogTrackKeys keys;

    public CatalogStore(QuarkusCqlSession session, CatalogChanges changes, CatalogTrackKeys keys) {
        this.session = session;
        this.changes = changes;
        this.keys = keys;
    }

    private record Statements(
            PreparedStatement upsertCatalogTrack,
            PreparedStatement writeDerived,
            PreparedStatement writeEmbedding,
            PreparedStatement writePopularity,
            PreparedStatement tracksIn,
            PreparedStatement profileTracksIn,
            PreparedStatement track,
            PreparedStatement embeddingOf,
            PreparedStatement upsertArtist,
            PreparedStatement artistsIn,
            PreparedStatement insertStats,
            PreparedStatement statsOf,
            PreparedStatement setCurrent,
            PreparedStatement current,
            PreparedStatement tracksAfter,
            PreparedStatement popularityIn,
            PreparedStatement deleteTrack,
            PreparedStatement markMerged) {}

    private Statements statements() {
        Statements current = statements;
        if (current == null) {
            current = new Statements(
                    session.prepare(cql("UPDATE tracks SET name = ?, artist_name = ?, album_name = ?, artist_id = ?, "
                            + "duration_ms = ?, release_year = ?, genres = ?, raw_features = ?, in_catalog = true "
                            + "WHERE track_id = ?")),
                    session.prepare(
                            cql("UPDATE tracks SET filled_features = ?, features = ?, imputed = ?, stats_id = ? "
                                    + "WHERE track_id = ?")),
                    session.prepare(cql("UPDATE tracks SET embedding = ?, embedded_text = ? WHERE track_id = ?")),
                    session.prepare(cql("UPDATE tracks SET listeners = ?, total_plays = ? WHERE track_id = ?")),
                    session.prepare(cql("SELECT " + TRACK_COLUMNS + " FROM tracks WHERE track_id IN ?")),
                    session.prepare(cql("SELECT track_id, artist_id, genres, filled_features, features, stats_id "
                            + "FROM tracks WHERE track_id IN ?")),
                    session.prepare(cql("SELECT " + TRACK_COLUMNS + " FROM tracks WHERE track_id = ?")),
                    session.prepare(cql("SELECT embedding FROM tracks WHERE track_id = ?")),
                    session.prepare(cql("UPDATE artists SET name = ?, tags = ? WHERE artist_id = ?")),
                    session.prepare(cql("SELECT artist_id, name, tags FROM artists WHERE artist_id IN ?")),
                    session.prepare(
                            cql("INSERT INTO normalisation_stats (stats_id, feature, method, count, mean, stddev, "
                                    + "min, max, median) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    session.prepare(cql("SELECT feature, method, count, mean, stddev, min, max, median "
                            + "FROM normalisation_stats WHERE stats_id = ?")),
                    session.prepare(cql("INSERT INTO normalisation_current (scope, stats_id, tracks, fitted_at) "
                            + "VALUES (?, ?, ?, ?)")),
                    session.prepare(
                            cql("SELECT stats_id, tracks, fitted_at FROM normalisation_current WHERE scope = ?")),
                    session.prepare(cql("SELECT token(track_id) AS position, " + TRACK_COLUMNS
                            + " FROM tracks WHERE token(track_id) > ? LIMIT ?")),
                    session.prepare(cql("SELECT track_id, listeners, total_plays FROM tracks WHERE track_id IN ?")),
                    session.prepare(cql("DELETE FROM tracks USING TIMESTAMP ? WHERE track_id = ?")),
                    session.prepare(cql("UPDATE tracks USING TIMESTAMP ? SET merged_into = ? WHERE track_id = ?")));
            statements = current;
        }
        return current;
    }

    /**
     * Stores catalog entries, each written at the event's own time: the latest entry for a track wins whatever order
     * a replay brings them in, and names from plays (written at a tiny timestamp) never override it. The entries'
     * match keys ({@link CatalogTrackKeys}) go out in the same round, before the merge of the local tracks of their
     * names looks for plays: a play indexed meanwhile is found either by that merge or by its own look-up of these
     * keys.
     */
    public void saveTracks(List<TrackCataloged> tracks) {
        PreparedStatement upsert = statements().upsertCatalogTrack;
        List<BoundStatement> writes = new ArrayList<>(tracks.size() * 2);
        for (TrackCataloged track : tracks) {
            // A missing value is left unset: a null would write a tombstone for every later read to step over (a
            // catalog of 100k rows without albums or years held 200k of them).
            writes.add(Binding.withoutNulls(
                            upsert,
                            track.name(),
                            track.artistName(),
                            track.albumName(),
                            track.artistName() == null ? null : ArtistIds.local(track.artistName()),
                            track.durationMs(),
                            track.releaseYear(),
                            track.genres(),
                            rawFeatures(track.audioFeatures()),
                            track.trackId())
                    .setQueryTimestamp(micros(track.occurredAt())));
        }
        List<String> keyed = new ArrayList<>();
        writes.addAll(keys.keyWrites(tracks, keyed));
        try {
            AsyncWrites.executeAll(session, writes);
        } catch (RuntimeException failed) {
            keys.forget(keyed);
            throw failed;
        }
        changes.tracks(tracks.stream().map(TrackCataloged::trackId).toList());
    }

    public void saveArtists(List<ArtistCataloged> artists) {
        PreparedStatement upsert = statements().upsertArtist;
        AsyncWrites.executeAll(
                session,
                artists.stream()
                        .map(artist -> {
                            Map<String, Integer> tags = new LinkedHashMap<>();
                            artist.tags().forEach(tag -> tags.merge(tag.name(), tag.count(), Math::max));
                            return upsert.bind(artist.name(), tags, artist.artistId())
                                    .setQueryTimestamp(micros(artist.occurredAt()));
                        })
                        .toList());
        changes.artists(artists.stream().map(ArtistCataloged::artistId).toList());
    }

    /**
     * A page of tracks in the table's token order: at most {@code limit} of those after {@code afterToken}
     * ({@link Long#MIN_VALUE} for the first page, which no key has). A pass over the catalog that keeps only its
     * position needs memory for one page, and can stop and resume where it was. Merged local tracks are left out.
     */
    public TrackPage tracksAfter(long afterToken, int limit) {
        List<TrackRow> rows = new ArrayList<>(limit);
        long last = afterToken;
        int read = 0;
        for (Row row : session.execute(statements().tracksAfter.bind(afterToken, limit))) {
            read++;
            last = row.getLong("position");
            if (!merged(row)) {
                rows.add(trackRow(row));
            }
        }
        return new TrackPage(rows, last, read < limit);
    }

    /** A page of {@link #tracksAfter}: its rows, the token to continue after, and whether the table ends here. */
    public record TrackPage(List<TrackRow> tracks, long lastToken, boolean end) {}

    /** Every artist, a page at a time. */
    public void forEachArtist(Consumer<ArtistRow> action) {
        for (Row row : session.execute(SimpleStatement.newInstance(cql("SELECT artist_id, name, tags FROM artists"))
                .setPageSize(PAGE))) {
            action.accept(artistRow(row));
        }
    }

    /** A track by id; none for a local track merged into a Spotify one (see {@link #retireTracks}). */
    public Optional<TrackRow> track(String trackId) {
        return Optional.ofNullable(
                        session.execute(statements().track.bind(trackId)).one())
                .filter(row -> !merged(row))
                .map(CatalogStore::trackRow);
    }

    public Optional<List<Float>> embeddingOf(String trackId) {
        Row row = session.execute(statements().embeddingOf.bind(trackId)).one();
        if (row == null || row.isNull("embedding")) {
            return Optional.empty();
        }
        CqlVector<Float> vector = row.getVector("embedding", Float.class);
        List<Float> values = new ArrayList<>(vector.size());
        vector.forEach(values::add);
        return Optional.of(values);
    }

    /**
     * The tracks among {@code ids} that exist and were not merged into another, by id; read in chunks of IN queries,
     * several at once.
     */
    public Map<String, TrackRow> tracks(Collection<String> ids) {
        return byChunks(
                ids,
                statements().tracksIn,
                row -> row.getString("track_id"),
                row -> merged(row) ? null : trackRow(row));
    }

    /**
     * The same, with only what a profile needs (artist, genres, features and their normalisation); the other fields
     * of these rows are empty. A user with tens of thousands of tracks reads a fraction of the bytes.
     */
    public Map<String, TrackRow> tracksForProfiles(Collection<String> ids) {
        return byChunks(
                ids,
                statements().profileTracksIn,
                row -> row.getString("track_id"),
                row -> new TrackRow(
                        row.getString("track_id"),
                        null,
                        null,
                        null,
                        row.getString("artist_id"),
                        null,
                        null,
                        row.getList("genres", String.class),
                        Map.of(),
                        false,
                        row.isNull("filled_features") ? null : row.getList("filled_features", Double.class),
                        row.isNull("features") ? null : row.getList("features", Double.class),
                        Map.of(),
                        row.getString("stats_id"),
                        null,
                        null,
                        null));
    }

    public Map<String, ArtistRow> artists(Collection<String> ids) {
        return byChunks(ids, statements().artistsIn, row -> row.getString("artist_id"), CatalogStore::artistRow);
    }

    private <T> Map<String, T> byChunks(
            Collection<String> ids, PreparedStatement in, Function<Row, String> key, Function<Row, T> read) {
        Map<String, T> result = new ConcurrentHashMap<>();
        AsyncWrites.forEachAsync(
                AsyncWrites.inChunks(ids),
                chunk -> session.executeAsync(in.bind(chunk)).thenAccept(page -> {
                    // An IN query of 100 keys fits one page.
                    for (Row row : page.currentPage()) {
                        T value = read.apply(row);
                        if (value != null) {
                            result.put(key.apply(row), value);
                        }
                    }
                }));
        return result;
    }

    /** Writes the derived features of many tracks, a bounded number at once. */
    public void saveDerived(Map<String, DerivedFeatures> derived) {
        PreparedStatement write = statements().writeDerived;
        AsyncWrites.executeAll(
                session,
                derived.entrySet().stream()
                        .map(e -> write.bind(
                                e.getValue().filledFeatures(),
                                e.getValue().features(),
                                e.getValue().imputed(),
                                e.getValue().statsId(),
                                e.getKey()))
                        .toList());
        changes.tracks(derived.keySet());
    }

    public void saveEmbedding(String trackId, float[] embedding, String text) {
        List<Float> values = new ArrayList<>(embedding.length);
        for (float value : embedding) {
            values.add(value);
        }
        session.execute(statements().writeEmbedding.bind(CqlVector.newInstance(values), text, trackId));
    }

    /** Listeners and plays ({@code {listeners, plays}}) of the tracks among {@code ids} that have a row; 0 when unset. */
    public Map<String, long[]> popularity(Collection<String> ids) {
        return byChunks(ids, statements().popularityIn, row -> row.getString("track_id"), row -> new long[] {
            row.isNull("listeners") ? 0 : row.getInt("listeners"),
            row.isNull("total_plays") ? 0 : row.getLong("total_plays")
        });
    }

    /** Listeners and plays of many tracks ({@code {listeners, plays}} by track id), a bounded number at once. */
    public void savePopularity(Map<String, long[]> counts) {
        PreparedStatement write = statements().writePopularity;
        AsyncWrites.executeAll(
                session,
                counts.entrySet().stream()
                        .map(e -> write.bind((int) e.getValue()[0], e.getValue()[1], e.getKey()))
                        .toList());
        changes.tracks(counts.keySet());
    }

    /**
     * Retires local tracks merged into Spotify ones (local id to Spotify id): each row is deleted and keeps only the id
     * it went into, written a microsecond after the deletion (so the two may go out together, in either order).
     * Readers of the change log then read the row without a name and drop the track (the recommender leaves out a
     * track without one); names a late play of the local id writes, at their tiny timestamp, stay under the deletion;
     * this service derives nothing for the row any more.
     */
    public void retireTracks(Map<String, String> mergedInto) {
        Statements s = statements();
        long now = micros(Instant.now());
        List<BoundStatement> writes = new ArrayList<>(mergedInto.size() * 2);
        mergedInto.forEach((localId, spotifyId) -> {
            writes.add(s.deleteTrack.bind(now, localId));
            writes.add(s.markMerged.bind(now + 1, spotifyId, localId));
        });
        AsyncWrites.executeAll(session, writes);
        changes.tracks(mergedInto.keySet());
    }

    /** Stores a fitted normalisation and makes it the current one. */
    public void saveNormalisation(NormalisationStats stats, List<String> methods, Instant fittedAt) {
        Statements s = statements();
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int i = 0; i < stats.features().size(); i++) {
            NormalisationStats.FeatureStats f = stats.feature(i);
            batch.addStatement(s.insertStats.bind(
                    stats.id(),
                    f.feature(),
                    methods.get(i),
                    f.count(),
                    f.mean(),
                    f.stddev(),
                    f.min(),
                    f.max(),
                    f.median()));
        }
        session.execute(batch.build());
        session.execute(s.setCurrent.bind(SCOPE, stats.id(), stats.tracks(), fittedAt));
    }

    /** The id of the normalisation in force, if one was fitted: one row, for the hot paths that need no more. */
    public Optional<String> currentStatsId() {
        return Optional.ofNullable(
                        session.execute(statements().current.bind(SCOPE)).one())
                .map(row -> row.getString("stats_id"));
    }

    /** The normalisation in force, with its per-feature statistics and methods, if one was fitted. */
    public Optional<StoredNormalisation> currentNormalisation() {
        Row current = session.execute(statements().current.bind(SCOPE)).one();
        if (current == null) {
            return Optional.empty();
        }
        String id = current.getString("stats_id");
        Map<String, Row> rows = new HashMap<>();
        session.execute(statements().statsOf.bind(id)).forEach(row -> rows.put(row.getString("feature"), row));
        return Optional.of(
                new StoredNormalisation(id, current.getLong("tracks"), current.getInstant("fitted_at"), rows));
    }

    /** A normalisation as stored: its id, when it was fitted, and per feature the method and statistics. */
    public record StoredNormalisation(String statsId, long tracks, Instant fittedAt, Map<String, Row> rows) {

        public List<Map<String, Object>> features(List<String> order) {
            List<Map<String, Object>> result = new ArrayList<>();
            for (String feature : order) {
                Row row = rows.get(feature);
                if (row == null) {
                    continue;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("feature", feature);
                f.put("method", row.getString("method"));
                f.put("count", row.getLong("count"));
                f.put("mean", row.getDouble("mean"));
                f.put("stddev", row.getDouble("stddev"));
                f.put("min", row.getDouble("min"));
                f.put("max", row.getDouble("max"));
                f.put("median", row.getDouble("median"));
                result.add(f);
            }
            return result;
        }
    }

    /** The audio features of a catalog entry under the raw feature names; only the values it has. */
    static Map<String, Double> rawFeatures(AudioFeatures features) {
        Map<String, Double> raw = new LinkedHashMap<>();
        if (features == null) {
            return raw;
        }
        put(raw, "danceability", features.danceability());
        put(raw, "energy", features.energy());
        put(raw, "key", features.key());
        put(raw, "loudness", features.loudness());
        put(raw, "mode", features.mode());
        put(raw, "speechiness", features.speechiness());
        put(raw, "acousticness", features.acousticness());
        put(raw, "instrumentalness", features.instrumentalness());
        put(raw, "liveness", features.liveness());
        put(raw, "valence", features.valence());
        put(raw, "tempo", features.tempo());
        put(raw, "time_signature", features.timeSignature());
        return raw;
    }

    private static void put(Map<String, Double> raw, String name, Number value) {
        if (value != null) {
            raw.put(name, value.doubleValue());
        }
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    /** A local track's row after its merge into a Spotify track: not a track of its own any more. */
    private static boolean merged(Row row) {
        return !row.isNull("merged_into");
    }

    private static TrackRow trackRow(Row row) {
        return new TrackRow(
                row.getString("track_id"),
                row.getString("name"),
                row.getString("artist_name"),
                row.getString("album_name"),
                row.getString("artist_id"),
                row.isNull("duration_ms") ? null : row.getLong("duration_ms"),
                row.isNull("release_year") ? null : row.getInt("release_year"),
                row.getList("genres", String.class),
                row.getMap("raw_features", String.class, Double.class),
                !row.isNull("in_catalog") && row.getBoolean("in_catalog"),
                row.isNull("filled_features") ? null : row.getList("filled_features", Double.class),
                row.isNull("features") ? null : row.getList("features", Double.class),
                row.getMap("imputed", String.class, String.class),
                row.getString("stats_id"),
                row.getString("embedded_text"),
                row.isNull("listeners") ? null : row.getInt("listeners"),
                row.isNull("total_plays") ? null : row.getLong("total_plays"));
    }

    private static ArtistRow artistRow(Row row) {
        return new ArtistRow(
                row.getString("artist_id"), row.getString("name"), row.getMap("tags", String.class, Integer.class));
    }
}
