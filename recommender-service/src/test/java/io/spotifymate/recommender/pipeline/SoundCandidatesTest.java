package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.WORLD;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.seeds;
import static io.spotifymate.recommender.pipeline.StageWorld.style;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.user.UserHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoundCandidatesTest {

    private static final ModelView KNOWS_EVERY_TRACK =
            ModelView.of(ServingModel.of("1", "sha", WORLD.factorModel("ials", Map.of()), StageWorld.NOW), CATALOG);

    @Test
    void jazzSeedsBringJazzWithTheCosineOfItsSoundAsEvidence() {
        Taste taste = taste(UserHistory.empty(null), seeds(track(1, 0), track(1, 5)));
        CandidatePool pool = new CandidatePool(CATALOG.size());

        new SoundCandidates(CATALOG, KNOWS_EVERY_TRACK, taste, 10).addCandidates(pool, track -> true);

        assertThat(StageWorld.candidates(pool)).hasSize(10).allMatch(track -> style(track) == 1);
        assertThat(StageWorld.candidates(pool))
                .allSatisfy(track -> assertThat(pool.get(track, Evidence.SOUND)).isBetween(0.5f, 1f));
    }

    @Test
    void withAModelAndNothingAskedForItLooksOnlyAtTracksTheModelDoesNotKnow() {
        Taste taste = taste(listener(List.of(track(0, 0))), Query.top(10));
        CandidatePool withModel = new CandidatePool(CATALOG.size());
        CandidatePool withoutModel = new CandidatePool(CATALOG.size());

        new SoundCandidates(CATALOG, KNOWS_EVERY_TRACK, taste, 10).addCandidates(withModel, track -> true);
        new SoundCandidates(CATALOG, null, taste, 10).addCandidates(withoutModel, track -> true);

        assertThat(withModel.isEmpty()).isTrue();
        assertThat(StageWorld.candidates(withoutModel))
                .as("the played track sounds most like itself")
                .hasSize(10)
                .contains(track(0, 0));
    }

    @Test
    void aListenerWithNothingToGoByGetsNoSoundCandidates() {
        CandidatePool pool = new CandidatePool(CATALOG.size());

        new SoundCandidates(CATALOG, null, taste(UserHistory.empty("new"), Query.top(10)), 10)
                .addCandidates(pool, track -> true);

        assertThat(pool.isEmpty()).isTrue();
    }
}
