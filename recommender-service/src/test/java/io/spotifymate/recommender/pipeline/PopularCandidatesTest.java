package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopularCandidatesTest {

    @Test
    void theMostPlayedTracksThatPassEnterScaledToTheMostPlayed() {
        int[] byPopularity = CATALOG.byPopularity();
        int mostPlayed = byPopularity[0];
        int filtered = byPopularity[1];
        CandidatePool pool = new CandidatePool(CATALOG.size());

        new PopularCandidates(CATALOG, 3).addCandidates(pool, track -> track != filtered);

        assertThat(StageWorld.candidates(pool)).containsExactlyInAnyOrder(mostPlayed, byPopularity[2], byPopularity[3]);
        assertThat(pool.get(mostPlayed, Evidence.POPULARITY)).isEqualTo(1f);
        assertThat(pool.get(byPopularity[3], Evidence.POPULARITY))
                .isEqualTo(CATALOG.popularity(byPopularity[3]) / CATALOG.popularity(mostPlayed))
                .isLessThan(1f);
    }
}
