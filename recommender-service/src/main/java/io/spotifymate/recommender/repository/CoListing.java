package io.spotifymate.recommender.repository;

import static io.spotifymate.featurestore.FeatureStoreSchema.cql;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tracks that share playlists with a seed, from the feature store's playlist index (read-only here). Each playlist
 * holding the seed votes once for every other track in it, with weight 1 / log2(1 + length), the same damping the
 * feature-service's co-occurrence API uses. A seed's neighbours are cached for a few minutes: playlists change slowly,
 * and continuing a playlist asks for the same seeds again and again; requests that ask for a seed at once share one
 * read. A seed in no playlist yet is not cached, so a corpus that arrives is used as soon as it is stored.
 */
@ApplicationScoped
public class CoListing {

    /** At most this many of a seed's playlists are read; the index lists them by id, so the choice is stable. */
    static final int PLAYLISTS_PER_SEED = 60;

    private final QuarkusCqlSession session;
    /** What a neighbour shares with the seed: its damped vote and the number of playlists behind it. */
    public record Shared(float vote, int playlists) {}

    private final Cache<String, Map<String, Shared>> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();
    private volatile PreparedStatement playlistsOf;
    private volatile PreparedStatement tracksOf;

    public CoListing(QuarkusCqlSession session) {
        this.session = session;
    }

    /** Per neighbour track id, its damped vote from the seed's playlists and how many of them list it. */
    public Map<String, Shared> neighbours(String seedTrackId) {
        // One read per seed however many requests ask for it at once (they wait for it); none is kept when the seed is
        // in no playlist (the loader's null).
        Map<String, Shared> read = cache.get(seedTrackId, seed -> {
            Map<String, Shared> votes = read(seed);
            return votes.isEmpty() ? null : votes;
        });
        return read == null ? Map.of() : read;
    }

    private Map<String, Shared> read(String seed) {
        if (playlistsOf == null) {
            playlistsOf = session.prepare(
                    cql("SELECT playlist_id FROM track_playlists WHERE track_id = ? LIMIT " + PLAYLISTS_PER_SEED));
            tracksOf = session.prepare(cql("SELECT tracks FROM playlists WHERE playlist_id = ?"));
        }
        List<String> playlistIds = new ArrayList<>();
        for (Row row : session.execute(playlistsOf.bind(seed))) {
            playlistIds.add(row.getString("playlist_id"));
        }
        List<CompletableFuture<List<String>>> reads = new ArrayList<>();
        for (String id : playlistIds) {
            CompletionStage<AsyncResultSet> stage = session.executeAsync(tracksOf.bind(id));
            reads.add(stage.thenApply(rs -> {
                        Row row = rs.one();
                        return row == null ? List.<String>of() : row.getList("tracks", String.class);
                    })
                    .toCompletableFuture());
        }
        Map<String, Shared> votes = new HashMap<>();
        for (CompletableFuture<List<String>> read : reads) {
            List<String> tracks = read.join();
            if (tracks == null || tracks.isEmpty()) {
                continue;
            }
            float weight = (float) (1 / (Math.log(1 + tracks.size()) / Math.log(2)));
            for (String track : new HashSet<>(tracks)) {
                if (!track.equals(seed)) {
                    votes.merge(
                            track,
                            new Shared(weight, 1),
                            (a, b) -> new Shared(a.vote() + b.vote(), a.playlists() + b.playlists()));
                }
            }
        }
        return Map.copyOf(votes);
    }
}
