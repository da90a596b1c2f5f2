package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.said;
import static io.spotifymate.recommender.pipeline.StageWorld.seeds;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.FeedbackGiven.Kind;
import io.spotifymate.events.FeedbackGiven.Target;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static Explainer explainer(Taste taste, Query query, int[] because, Map<Integer, CoListed> coListed) {
        return new Explainer(CATALOG, null, taste, query, because, coListed, TagProfile.of(CATALOG, taste));
    }

    @Test
    void aPickFromSharedPlaylistsNamesTheSeedAndHowManyPlaylistsListThemTogether() {
        int seed = track(1, 0);
        int pick = track(1, 1);
        Query query = seeds(seed);

        List<Reason> reasons = explainer(
                        taste(UserHistory.empty(null), query),
                        query,
                        new int[0],
                        Map.of(pick, new CoListed(3, seed, 14)))
                .of(pick, Evidence.SHARED_PLAYLISTS);

        assertThat(reasons.get(0).type()).isEqualTo("CO_OCCURRENCE");
        assertThat(reasons.get(0).text())
                .isEqualTo("In 14 playlists with " + CATALOG.name(seed) + " by " + CATALOG.artistName(seed));
        assertThat(reasons.get(0).trackId()).isEqualTo(CATALOG.trackId(seed));
    }

    @Test
    void aPickTheModelFoundNamesThePlayedTrackBehindItAndANewArtistSaysSo() {
        int played = track(0, 0);
        int pick = track(0, 5);
        int[] because = new int[CATALOG.size()];
        Arrays.fill(because, -1);
        because[pick] = played;

        List<Reason> reasons = explainer(
                        taste(listener(List.of(played)), Query.top(5)), Query.top(5), because, Map.of())
                .of(pick, Evidence.MODEL);

        assertThat(reasons).extracting(Reason::type).containsExactly("PLAYED", "NEW_ARTIST");
        assertThat(reasons.get(0).text()).startsWith("Because you played " + CATALOG.name(played));
        assertThat(reasons.get(0).trackId()).isEqualTo(CATALOG.trackId(played));
        assertThat(reasons.get(1).text()).startsWith("New artist for you: " + CATALOG.artistName(pick));
    }

    @Test
    void aLikedArtistsPickSaysTheyWereLiked() {
        int pick = track(2, 0);
        Taste taste = taste(
                listener(List.of(track(0, 0)), said(Kind.LIKE, Target.ARTIST, CATALOG.artistName(pick), Duration.ZERO)),
                Query.top(5));

        List<Reason> reasons =
                explainer(taste, Query.top(5), new int[0], Map.of()).of(pick, Evidence.POPULARITY);

        assertThat(reasons).extracting(Reason::text).contains("By " + CATALOG.artistName(pick) + ", whom you liked");
    }

    @Test
    void noTwoPicksOfOneAnswerShareAReasonTheNextClosestEvidenceIsNamedInstead() {
        int played = track(0, 0);
        int alsoPlayed = track(0, 1);
        Taste taste = taste(listener(List.of(played, alsoPlayed)), Query.top(5));
        int first = track(0, 5);
        int second = track(0, 10);
        Explainer explainer = explainer(taste, Query.top(5), new int[0], Map.of());

        List<Reason> forFirst = explainer.of(first, Evidence.SOUND);
        List<Reason> forSecond = explainer.of(second, Evidence.SOUND);

        assertThat(forFirst.get(0).type()).isEqualTo("SOUND");
        assertThat(forSecond.get(0).text()).isNotEqualTo(forFirst.get(0).text());
    }

    @Test
    void aPopularPickNamesItsOwnStandingHere() {
        int pick = CATALOG.byPopularity()[0];

        List<Reason> reasons = explainer(
                        taste(UserHistory.empty("new"), Query.top(5)), Query.top(5), new int[0], Map.of())
                .of(pick, Evidence.POPULARITY);

        assertThat(reasons).extracting(Reason::type).containsExactly("POPULAR");
        assertThat(reasons.get(0).text())
                .isEqualTo("Played by " + CATALOG.listeners(pick) + " listeners here (#1 of " + CATALOG.size() + ")");
    }
}
