package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.WORLD;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.said;
import static io.spotifymate.recommender.pipeline.StageWorld.seeds;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.FeedbackGiven.Kind;
import io.spotifymate.events.FeedbackGiven.Target;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.config.RelevanceWeights;
import io.spotifymate.recommender.fixtures.ConfigDefaults;
import io.spotifymate.recommender.user.UserHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final RelevanceWeights DEFAULTS = ConfigDefaults.of(RelevanceWeights.class);
    private static final ModelView FACTORS = ModelView.of(
            ServingModel.of("1", "sha", WORLD.factorModel("ials", Map.of("listener", 0)), StageWorld.NOW), CATALOG);
    private static final ModelView POPULARITY_MODEL = ModelView.of(
            ServingModel.of("2", "sha", WORLD.factorModel(Scorer.POPULARITY_MODEL, Map.of()), StageWorld.NOW), CATALOG);

    private final Scorer scorer = new Scorer(DEFAULTS);

    @Test
    void forSeedsThatSharePlaylistsATrackPeopleListWithThemOutranksOneOnlyTheModelLikes() {
        int listed = track(1, 1);
        int modelOnly = track(1, 2);
        Taste seeded = taste(UserHistory.empty(null), seeds(track(1, 0)));
        CandidatePool pool = new CandidatePool(CATALOG.size());
        pool.put(listed, Evidence.SHARED_PLAYLISTS, 1);
        pool.put(modelOnly, Evidence.MODEL, 1);

        Scorer.Scored scored = scorer.score(CATALOG, FACTORS, seeded, true, pool);

        assertThat(relevance(scored, listed)).isGreaterThan(relevance(scored, modelOnly));
        assertThat(strongest(scored, listed)).isEqualTo(Evidence.SHARED_PLAYLISTS);
        assertThat(strongest(scored, modelOnly)).isEqualTo(Evidence.MODEL);
    }

    @Test
    void besideSharedPlaylistsAPopularityModelWeighsLessThanAModelThatKnowsTheSeeds() {
        Taste seeded = taste(UserHistory.empty(null), seeds(track(1, 0)));

        float popularity = scorer.weights(POPULARITY_MODEL, seeded, true)[Evidence.MODEL.ordinal()];
        float factors = scorer.weights(FACTORS, seeded, true)[Evidence.MODEL.ordinal()];

        assertThat(popularity).isLessThan(factors);
        assertThat(scorer.weights(null, seeded, true)[Evidence.MODEL.ordinal()])
                .as("no model")
                .isZero();
    }

    @Test
    void aListenerWithNothingToGoByIsAnsweredByPopularityFirst() {
        Taste nobody = taste(UserHistory.empty("new"), Query.top(10));
        int popular = track(0, 0);
        int modelPick = track(0, 1);
        CandidatePool pool = new CandidatePool(CATALOG.size());
        pool.put(popular, Evidence.POPULARITY, 1);
        pool.put(modelPick, Evidence.MODEL, 1);

        Scorer.Scored scored = scorer.score(CATALOG, FACTORS, nobody, false, pool);

        assertThat(relevance(scored, popular)).isGreaterThan(relevance(scored, modelPick));
        assertThat(strongest(scored, popular)).isEqualTo(Evidence.POPULARITY);
    }

    @Test
    void aTrackByAnArtistTheListenerLikedGetsTheBonusOnTopOfTheSameEvidence() {
        int liked = track(2, 0);
        int other = track(2, 5);
        UserHistory history = listener(
                List.of(track(0, 0)), said(Kind.LIKE, Target.ARTIST, CATALOG.artistName(liked), Duration.ofMinutes(1)));
        assertThat(CATALOG.artist(other)).isNotEqualTo(CATALOG.artist(liked));
        CandidatePool pool = new CandidatePool(CATALOG.size());
        pool.put(liked, Evidence.SOUND, 0.5f);
        pool.put(other, Evidence.SOUND, 0.5f);

        Scorer.Scored scored = scorer.score(CATALOG, FACTORS, taste(history, Query.top(10)), false, pool);

        assertThat(relevance(scored, liked) - relevance(scored, other)).isEqualTo(DEFAULTS.likedArtist());
    }

    @Test
    void theWeightsComeFromConfigurationAndTheCandidatesOutByTrackNumber() {
        Scorer onlySound = new Scorer(ConfigDefaults.of(
                RelevanceWeights.class,
                Map.of("spotifymate.recommender.weights.model", "0", "spotifymate.recommender.weights.sound", "2")));
        Taste rocker = taste(listener(List.of(track(0, 0))), Query.top(10));
        CandidatePool pool = new CandidatePool(CATALOG.size());
        pool.put(9, Evidence.MODEL, 1);
        pool.put(4, Evidence.SOUND, 0.25f);

        Scorer.Scored scored = onlySound.score(CATALOG, FACTORS, rocker, false, pool);

        assertThat(scored.tracks()).containsExactly(4, 9);
        assertThat(scored.relevance()).containsExactly(0.5f, 0f);
        assertThat(scored.strongest()).containsExactly(Evidence.SOUND, Evidence.MODEL);
    }

    private static float relevance(Scorer.Scored scored, int track) {
        return scored.relevance()[position(scored, track)];
    }

    private static Evidence strongest(Scorer.Scored scored, int track) {
        return scored.strongest()[position(scored, track)];
    }

    private static int position(Scorer.Scored scored, int track) {
        for (int c = 0; c < scored.tracks().length; c++) {
            if (scored.tracks()[c] == track) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + track);
    }
}
