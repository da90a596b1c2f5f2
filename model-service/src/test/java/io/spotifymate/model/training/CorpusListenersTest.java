package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A per-artist corpus's listener stands for the most listened catalog tracks of the artists they played. */
class CorpusListenersTest {

    @Test
    void anArtistStandsForItsThreeMostListenedTracksTiesToTheSmallerId() {
        CorpusListeners catalog = new CorpusListeners();
        catalog.catalogTrack("t5", "Sigur Rós", 5);
        catalog.catalogTrack("t1", "Sigur Rós", 50);
        catalog.catalogTrack("t3", "sigur ros", 9);
        catalog.catalogTrack("t2", "SIGUR ROS", 9);
        catalog.catalogTrack("t9", "Sigur Rós", 1);
        catalog.catalogTrack("m1", "Múm", 3);

        assertThat(catalog.tracksOf(List.of("Sigur Ros"))).containsExactly("t1", "t2", "t3");
        assertThat(catalog.tracksOf(List.of("Sigur Ros", "mum", "Unknown"))).containsExactly("t1", "t2", "t3", "m1");
        assertThat(catalog.tracksOf(List.of("Unknown"))).isEmpty();
    }

    @Test
    void aCorpusListenerJoinsAsAPseudoUserNeverAsAListener() {
        String id = PseudoUsers.ofPlaylist(CorpusListeners.pseudoUserId("lastfm:user:2"));

        assertThat(PseudoUsers.isPseudo(id)).isTrue();
        assertThat(PseudoUsers.isListener(id)).isFalse();
    }
}
