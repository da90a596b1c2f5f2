package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.passing;
import static io.spotifymate.recommender.pipeline.StageWorld.said;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.FeedbackGiven.Kind;
import io.spotifymate.events.FeedbackGiven.Target;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExclusionFilterTest {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Test
    void noTrackOfABannedArtistPassesNamedAsAChatWouldNameThem() {
        int artist = CATALOG.artist(track(0, 0));
        UserHistory history =
                listener(List.of(), said(Kind.BAN, Target.ARTIST, CATALOG.artistNameOf(artist), A_MINUTE));

        List<Integer> passing = passing(new ExclusionFilter(CATALOG, taste(history, Query.top(10))));

        assertThat(passing).isNotEmpty().noneMatch(track -> CATALOG.artist(track) == artist);
        assertThat(passing).hasSize(CATALOG.size() - CATALOG.tracksOf(artist).length);
    }

    @Test
    void playedBannedDislikedAndRecentlySkippedTracksDoNotPassButASkipPastItsMemoryDoes() {
        int played = track(0, 0);
        int banned = track(0, 1);
        int disliked = track(0, 2);
        int skipped = track(0, 3);
        int skippedLongAgo = track(0, 4);
        UserHistory history = listener(
                List.of(played),
                said(Kind.BAN, Target.TRACK, CATALOG.trackId(banned), A_MINUTE),
                said(Kind.DISLIKE, Target.TRACK, CATALOG.trackId(disliked), A_MINUTE),
                said(Kind.SKIP, Target.TRACK, CATALOG.trackId(skipped), Duration.ofDays(2)),
                said(Kind.SKIP, Target.TRACK, CATALOG.trackId(skippedLongAgo), Duration.ofDays(60)));

        List<Integer> passing = passing(new ExclusionFilter(CATALOG, taste(history, Query.top(10))));

        assertThat(passing).doesNotContain(played, banned, disliked, skipped).contains(skippedLongAgo);
    }

    @Test
    void withExcludeRecentDaysATrackPlayedBeforeThemPassesAgain() {
        int playedYesterday = track(1, 0);
        Query lastHours = new Query(10, null, null, null, null, null, null, List.of(), List.of(), 0, null, Set.of());
        Query lastWeek = new Query(10, null, null, null, null, null, null, List.of(), List.of(), 7, null, Set.of());
        UserHistory history = listener(List.of(playedYesterday));

        assertThat(new ExclusionFilter(CATALOG, taste(history, lastHours)).passes(playedYesterday))
                .isTrue();
        assertThat(new ExclusionFilter(CATALOG, taste(history, lastWeek)).passes(playedYesterday))
                .isFalse();
    }

    @Test
    void theRequestsSeedsAndExclusionsDoNotPass() {
        int seed = track(2, 0);
        int excluded = track(2, 1);
        Query query = new Query(
                10,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(CATALOG.trackId(seed)),
                List.of(),
                null,
                null,
                Set.of(CATALOG.trackId(excluded)));

        List<Integer> passing = passing(new ExclusionFilter(CATALOG, taste(UserHistory.empty(null), query)));

        assertThat(passing).hasSize(CATALOG.size() - 2).doesNotContain(seed, excluded);
    }
}
