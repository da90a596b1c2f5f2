package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidatePoolTest {

    @Test
    void aTrackTwoSourcesFindIsOneCandidateCarryingTheEvidenceOfBoth() {
        CandidatePool pool = new CandidatePool(10);

        pool.put(7, Evidence.SOUND, 0.8f);
        pool.put(7, Evidence.POPULARITY, 0.3f);
        pool.add(7);

        assertThat(pool.size()).isOne();
        assertThat(pool.get(7, Evidence.SOUND)).isEqualTo(0.8f);
        assertThat(pool.get(7, Evidence.POPULARITY)).isEqualTo(0.3f);
        assertThat(pool.get(7, Evidence.MODEL)).as("a source that said nothing").isZero();
    }

    @Test
    void candidatesComeOutByTrackNumberWhateverOrderTheSourcesAddedThemIn() {
        CandidatePool pool = new CandidatePool(10);

        pool.add(9);
        pool.put(2, Evidence.TAGS, 1);
        pool.add(5);

        assertThat(pool.byTrack()).containsExactly(2, 5, 9);
    }

    @Test
    void aClearedPoolForgetsEveryCandidateAndItsEvidence() {
        CandidatePool pool = new CandidatePool(10);
        pool.put(3, Evidence.MODEL, 1);
        pool.put(4, Evidence.MODEL, 1);

        pool.clear();
        pool.add(4);

        assertThat(pool.contains(3)).isFalse();
        assertThat(pool.byTrack()).containsExactly(4);
        assertThat(pool.get(4, Evidence.MODEL)).isZero();
    }

    @Test
    void itHoldsAsManyCandidatesAsTheCatalogHasTracks() {
        CandidatePool pool = new CandidatePool(5_000);

        for (int track = 0; track < 5_000; track++) {
            pool.put(track, Evidence.POPULARITY, track);
        }

        assertThat(pool.size()).isEqualTo(5_000);
        assertThat(pool.get(4_999, Evidence.POPULARITY)).isEqualTo(4_999f);
    }
}
