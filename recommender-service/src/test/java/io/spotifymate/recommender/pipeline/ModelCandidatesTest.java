package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.WORLD;
import static io.spotifymate.recommender.pipeline.StageWorld.listener;
import static io.spotifymate.recommender.pipeline.StageWorld.style;
import static io.spotifymate.recommender.pipeline.StageWorld.taste;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.fixtures.MusicFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCandidatesTest {

    @Test
    void aFactorModelBringsTheListenersStyleAndRatesEveryCandidateOnTheScaleOfThePool() {
        ModelView view = ModelView.of(
                ServingModel.of("1", "sha", WORLD.factorModel("ials", Map.of("listener", 0)), StageWorld.NOW), CATALOG);
        Taste rocker = taste(listener(List.of(track(0, 0))), Query.top(10));
        Scratch scratch = Scratch.of(CATALOG.size());
        CandidatePool pool = scratch.pool;
        ModelCandidates model = new ModelCandidates(view, rocker, scratch, 5);

        model.addCandidates(pool, track -> true);
        List<Integer> own = StageWorld.candidates(pool);
        int jazz = track(1, 0);
        pool.put(jazz, Evidence.SOUND, 1);
        model.rateEveryCandidate(pool);

        assertThat(own).hasSize(5).allMatch(track -> style(track) == 0);
        assertThat(own).extracting(track -> pool.get(track, Evidence.MODEL)).contains(1f);
        assertThat(pool.get(jazz, Evidence.MODEL))
                .as("found by sound, rated by the model")
                .isZero();
    }

    @Test
    void itemNeighboursOfAPlayedTrackEnterAndNameItAsTheirReason() {
        int played = track(0, 0);
        int close = track(0, 1);
        int far = track(2, 0);
        int unknown = track(1, 0);
        ModelView view = ModelView.of(
                ServingModel.of("2", "sha", neighbours(Map.of(played, new int[] {close, far})), StageWorld.NOW),
                CATALOG);
        Scratch scratch = Scratch.of(CATALOG.size());
        CandidatePool pool = scratch.pool;
        ModelCandidates model = new ModelCandidates(view, taste(listener(List.of(played)), Query.top(10)), scratch, 5);

        model.addCandidates(pool, track -> true);
        pool.put(unknown, Evidence.POPULARITY, 1);
        model.rateEveryCandidate(pool);

        assertThat(StageWorld.candidates(pool)).containsExactlyInAnyOrder(close, far, unknown);
        assertThat(model.because()[close]).isEqualTo(played);
        assertThat(pool.get(close, Evidence.MODEL)).isEqualTo(1f);
        assertThat(pool.get(unknown, Evidence.MODEL))
                .as("a track the model gave no score")
                .isZero();
    }

    /** An item-neighbours model over the catalog: each listed track's neighbours, weighing 0.9, then 0.2. */
    private static ModelArtifact neighbours(Map<Integer, int[]> of) {
        List<String> ids =
                WORLD.tracks().stream().map(MusicFixture.FixtureTrack::trackId).toList();
        int n = ids.size();
        int[] start = new int[n + 1];
        int edges = of.values().stream().mapToInt(list -> list.length).sum();
        int[] items = new int[edges];
        float[] weights = new float[edges];
        int at = 0;
        for (int item = 0; item < n; item++) {
            start[item] = at;
            int[] next = of.get(CATALOG.index(ids.get(item)));
            for (int k = 0; next != null && k < next.length; k++) {
                items[at] = ids.indexOf(CATALOG.trackId(next[k]));
                weights[at++] = k == 0 ? 0.9f : 0.2f;
            }
        }
        start[n] = at;
        ModelArtifact.Metadata metadata = new ModelArtifact.Metadata(
                "item-knn", ModelArtifact.ITEM_NEIGHBOURS, ids, List.of(), 0, Map.of(), 2, null, Map.of(), Map.of());
        return ModelArtifact.neighbours(metadata, new ModelArtifact.Neighbours(start, items, weights));
    }
}
