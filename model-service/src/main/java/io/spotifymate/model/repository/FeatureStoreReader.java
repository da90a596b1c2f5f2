package io.spotifymate.model.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.training.Confidence;
import io.spotifymate.model.training.CorpusListeners;
import io.spotifymate.model.training.PseudoUsers;
import io.spotifymate.model.training.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Reads training data from the feature store (written by feature-service; read-only here). */
@ApplicationScoped
public class FeatureStoreReader {

    private static final int PAGE = 5_000;

    /**
     * Playlists a page, fewer than {@link #PAGE} rows: a playlist row holds up to 250 track ids, so 5,000 of them could
     * be over a million ids in one response, a thousand at most a quarter of that.
     */
    private static final int PLAYLIST_PAGE = 1_000;

    private static final int EMBEDDING = 384;

    private static final Logger LOG = Logger.getLogger(FeatureStoreReader.class);

    private final QuarkusCqlSession session;

    public FeatureStoreReader(QuarkusCqlSession session) {
        this.session = session;
    }

    /** One of a user's tracks with its training strength. */
    public record UserTrack(String trackId, double strength) {}

    /** A user's word on tracks and artists, as training reads it. */
    private record Feedback(Set<String> excluded, Set<String> bannedArtists, Set<String> liked) {

        static Feedback empty() {
            return new Feedback(new HashSet<>(), new HashSet<>(), new HashSet<>());
        }

        void add(Row row) {
            String kind = row.getString("kind");
            boolean artist = "ARTIST".equals(row.getString("target"));
            String target = row.getString("target_id");
            if ("BAN".equals(kind) || "DISLIKE".equals(kind)) {
                (artist ? bannedArtists : excluded).add(target);
            } else if (!artist && ("LIKE".equals(kind) || "MORE_LIKE_THIS".equals(kind))) {
                liked.add(target);
            }
        }

        /** The row's strength, or 0 when it is not a positive (only skips, disliked, banned). */
        double strength(Row stats) {
            String track = stats.getString("track_id");
            String artistName = stats.getString("artist_name");
            if (excluded.contains(track)
                    || (artistName != null && bannedArtists.contains(ArtistIds.local(artistName)))) {
                return 0;
            }
            return Confidence.strength(
                    stats.getInt("plays"),
                    stats.getInt("completed_plays"),
                    stats.getInt("skips"),
                    liked.contains(track));
        }
    }

    /** One user's positive tracks with their strengths, for folding them into a served model. */
    public List<UserTrack> userTracks(String userId) {
        Feedback feedback = Feedback.empty();
        session.execute(session.prepare(cql("SELECT target, target_id, kind FROM user_feedback WHERE user_id = ?"))
                        .bind(userId))
                .forEach(feedback::add);
        List<UserTrack> tracks = new ArrayList<>();
        for (Row row : session.execute(
                session.prepare(cql("SELECT track_id, artist_name, plays, completed_plays, skips FROM user_track_stats "
                                + "WHERE user_id = ?"))
                        .bind(userId))) {
            double strength = feedback.strength(row);
            if (strength > 0) {
                tracks.add(new UserTrack(row.getString("track_id"), strength));
            }
        }
        return tracks;
    }

    /**
     * The training data of a round: every user's tracks with their {@link Confidence} strength and first play, every
     * imported playlist as a pseudo-user ({@link PseudoUsers}) with its tracks at unit strength, every catalog track as
     * an item even if nobody played it, and per track its side features: the normalised audio features, a mask of
     * which were imputed (dimensions in name order), and the text embedding; zeros where a track has none. The same
     * store gives the same matrix (see {@link TrainingData.Assembler}).
     *
     * <p>Last.fm HetRec's listeners are not read: their artist counts ({@code artist-plays.v1}) are not stored by
     * feature-service, and {@code user_artist_stats} holds only roll-ups of the listeners' own track rows, which add
     * nothing to those rows.
     */
    public TrainingData trainingData() {
        Map<String, Feedback> feedback = new HashMap<>();
        for (Row row : session.execute(
                SimpleStatement.newInstance(cql("SELECT user_id, target, target_id, kind FROM user_feedback"))
                        .setPageSize(PAGE))) {
            feedback.computeIfAbsent(row.getString("user_id"), u -> Feedback.empty())
                    .add(row);
        }

        Row current = session.execute(cql("SELECT stats_id FROM normalisation_current WHERE scope = 'audio'"))
                .one();
        String statsId = current == null ? null : current.getString("stats_id");
        Map<String, Map<String, Object>> normalisation = new TreeMap<>();
        if (statsId != null) {
            for (Row row :
                    session.execute(session.prepare(cql("SELECT feature, method, count, mean, stddev, min, max, median "
                                    + "FROM normalisation_stats WHERE stats_id = ?"))
                            .bind(statsId))) {
                Map<String, Object> stats = new TreeMap<>();
                stats.put("method", row.getString("method"));
                stats.put("count", row.getLong("count"));
                stats.put("mean", row.getDouble("mean"));
                stats.put("stddev", row.getDouble("stddev"));
                stats.put("min", row.getDouble("min"));
                stats.put("max", row.getDouble("max"));
                stats.put("median", row.getDouble("median"));
                normalisation.put(row.getString("feature"), stats);
            }
        }
        List<String> dimensions = new ArrayList<>(normalisation.keySet());
        int width = dimensions.size() * 2 + EMBEDDING;
        TrainingData.Assembler assembler = new TrainingData.Assembler(width);
        CorpusListeners corpusListeners = new CorpusListeners();

        Feedback none = Feedback.empty();
        for (Row row : session.execute(SimpleStatement.newInstance(
                        cql("SELECT user_id, track_id, artist_name, plays, completed_plays, skips, first_played "
                                + "FROM user_track_stats"))
                .setPageSize(PAGE))) {
            String user = row.getString("user_id");
            double strength = feedback.getOrDefault(user, none).strength(row);
            Instant first = row.getInstant("first_played");
            if (strength > 0) {
                assembler.listenerTrack(
                        user,
                        row.getString("track_id"),
                        strength,
                        first == null ? Interactions.NO_TIME : first.toEpochMilli());
            }
        }

        for (Row row : session.execute(SimpleStatement.newInstance(
                        cql("SELECT track_id, artist_name, listeners, features, imputed, embedding, "
                                + "merged_into FROM tracks"))
                .setPageSize(PAGE))) {
            if (row.getString("merged_into") != null) {
                continue; // a local track whose plays moved to the catalog track it names: no item of its own
            }
            corpusListeners.catalogTrack(
                    row.getString("track_id"),
                    row.getString("artist_name"),
                    row.isNull("listeners") ? 0 : row.getInt("listeners"));
            float[] vector = new float[width];
            List<Double> features = row.getList("features", Double.class);
            for (int d = 0; d < Math.min(dimensions.size(), features == null ? 0 : features.size()); d++) {
                Double value = features.get(d);
                vector[d] = value == null || value.isNaN() ? 0 : value.floatValue();
            }
            Map<String, String> imputed = row.getMap("imputed", String.class, String.class);
            for (int d = 0; d < dimensions.size(); d++) {
                vector[dimensions.size() + d] = imputed != null && imputed.containsKey(dimensions.get(d)) ? 1 : 0;
            }
            CqlVector<Float> embedding = row.getVector("embedding", Float.class);
            if (embedding != null) {
                for (int e = 0; e < EMBEDDING; e++) {
                    vector[dimensions.size() * 2 + e] = embedding.get(e);
                }
            }
            assembler.catalogTrack(row.getString("track_id"), vector);
        }

        PreparedStatement playlists =
                session.prepare(cql("SELECT token(playlist_id), playlist_id, tracks FROM playlists "
                        + "WHERE token(playlist_id) >= ? LIMIT ?"));
        long read = TokenPages.forEach(
                (from, limit) -> {
                    List<TokenPages.Keyed<Row>> page = new ArrayList<>(limit);
                    for (Row row : session.execute(playlists.bind(from, limit))) {
                        page.add(new TokenPages.Keyed<>(row.getLong(0), row.getString(1), row));
                    }
                    return page;
                },
                PLAYLIST_PAGE,
                row -> assembler.playlist(row.getString("playlist_id"), row.getList("tracks", String.class)));
        LOG.debugf("Read %,d imported playlists for training", read);

        // A partition's rows come together: each corpus listener is complete when the next one starts.
        String listener = null;
        List<String> artists = new ArrayList<>();
        for (Row row :
                session.execute(SimpleStatement.newInstance(cql("SELECT user_id, artist_name FROM corpus_artist_plays"))
                        .setPageSize(PAGE))) {
            String user = row.getString("user_id");
            if (!user.equals(listener)) {
                addCorpusListener(assembler, corpusListeners, listener, artists);
                listener = user;
                artists.clear();
            }
            artists.add(row.getString("artist_name"));
        }
        addCorpusListener(assembler, corpusListeners, listener, artists);
        return assembler.build(statsId, normalisation);
    }

    private static void addCorpusListener(
            TrainingData.Assembler assembler, CorpusListeners catalog, String listener, List<String> artists) {
        if (listener != null) {
            assembler.playlist(CorpusListeners.pseudoUserId(listener), catalog.tracksOf(artists));
        }
    }
}
