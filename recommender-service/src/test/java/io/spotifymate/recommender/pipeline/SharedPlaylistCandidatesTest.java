package io.spotifymate.recommender.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedPlaylistCandidatesTest {

    /** Tracks 5, 6 and 7 listed with seed 1, the first strongly, the last in a single playlist. */
    private static final Map<Integer, CoListed> CO_LISTED =
            Map.of(5, new CoListed(16, 1, 40), 6, new CoListed(4, 1, 9), 7, new CoListed(1, 1, 1));

    @Test
    void theStrongestCoListingsEnterWithTheSquareRootOfTheirShareOfTheTopVote() {
        CandidatePool pool = new CandidatePool(10);

        new SharedPlaylistCandidates(CO_LISTED, 2).addCandidates(pool, track -> true);

        assertThat(StageWorld.candidates(pool)).containsExactly(5, 6);
        assertThat(pool.get(5, Evidence.SHARED_PLAYLISTS)).isEqualTo(1f);
        assertThat(pool.get(6, Evidence.SHARED_PLAYLISTS)).isEqualTo(0.5f);
    }

    @Test
    void aFilteredTrackLeavesItsPlaceToTheNextButStillSetsTheScale() {
        CandidatePool pool = new CandidatePool(10);

        new SharedPlaylistCandidates(CO_LISTED, 2).addCandidates(pool, track -> track != 5);

        assertThat(StageWorld.candidates(pool)).containsExactly(6, 7);
        assertThat(pool.get(6, Evidence.SHARED_PLAYLISTS)).isEqualTo(0.5f);
        assertThat(pool.get(7, Evidence.SHARED_PLAYLISTS)).isEqualTo(0.25f);
    }

    @Test
    void withoutSharedPlaylistsItAddsNothing() {
        CandidatePool pool = new CandidatePool(10);

        new SharedPlaylistCandidates(Map.of(), 2).addCandidates(pool, track -> true);

        assertThat(pool.isEmpty()).isTrue();
    }
}
