package io.spotifymate.recommender.pipeline;

import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.fixtures.MusicFixture;
import io.spotifymate.recommender.user.Feedback;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A small world for the stages' own tests: 12 artists in the three styles of {@link MusicFixture} (artist a plays
 * style a % 3), 5 tracks each, the most popular first, and listeners and requests made in a line.
 */
final class StageWorld {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration SKIP_MEMORY = Duration.ofDays(30);
    static final MusicFixture WORLD = MusicFixture.generate("stages", 12, 5);
    static final CatalogSnapshot CATALOG = WORLD.snapshot();

    private StageWorld() {}

    /** The catalog number of the n-th fixture track of a style (0 rock, 1 jazz, 2 electronic). */
    static int track(int style, int n) {
        return CATALOG.index(WORLD.ofStyle(style).get(n).trackId());
    }

    /** The style of a catalog track (0 rock, 1 jazz, 2 electronic). */
    static int style(int track) {
        String id = CATALOG.trackId(track);
        return WORLD.tracks().stream()
                .filter(t -> t.trackId().equals(id))
                .findFirst()
                .orElseThrow()
                .style();
    }

    /** A listener who played these tracks (by catalog number) three times each, a day ago, with this feedback. */
    static UserHistory listener(List<Integer> played, Feedback... feedback) {
        List<UserHistory.PlayedTrack> plays = new ArrayList<>();
        for (int track : played) {
            plays.add(new UserHistory.PlayedTrack(
                    CATALOG.trackId(track),
                    CATALOG.artistName(track),
                    3,
                    0,
                    NOW.minus(Duration.ofDays(1)).toEpochMilli(),
                    null));
        }
        return new UserHistory("listener", plays, Arrays.asList(feedback));
    }

    static Feedback said(FeedbackGiven.Kind kind, FeedbackGiven.Target target, String id, Duration ago) {
        return new Feedback(target, id, kind, NOW.minus(ago), kind + id);
    }

    static Taste taste(UserHistory history, Query query) {
        return Taste.of(CATALOG, history, history.feedback(), query, NOW, SKIP_MEMORY, 300);
    }

    /** Ten tracks starting from these, by catalog number. */
    static Query seeds(int... tracks) {
        List<String> ids = Arrays.stream(tracks).mapToObj(CATALOG::trackId).toList();
        return new Query(10, null, null, null, null, null, null, ids, List.of(), null, null, Set.of());
    }

    /** Every catalog track that passes the filter. */
    static List<Integer> passing(Filter filter) {
        List<Integer> passing = new ArrayList<>();
        for (int track = 0; track < CATALOG.size(); track++) {
            if (filter.passes(track)) {
                passing.add(track);
            }
        }
        return passing;
    }

    /** The tracks of a pool, by track number. */
    static List<Integer> candidates(CandidatePool pool) {
        return Arrays.stream(pool.byTrack()).boxed().toList();
    }
}
