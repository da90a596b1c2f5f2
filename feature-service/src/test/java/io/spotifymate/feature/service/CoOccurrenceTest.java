package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoOccurrenceTest {

    @Test
    void tracksInFocusedPlaylistsWithTheSeedsComeFirstAndTheSeedsThemselvesNever() {
        Map<String, List<String>> playlists = Map.of(
                "p1", List.of("x", "y", "z"),
                "p2", List.of("x", "y"),
                "big", List.of("x", "z", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"));
        List<CoOccurrence.Neighbour> neighbours =
                CoOccurrence.neighbours(Map.of("x", List.of("p1", "p2", "big")), playlists, 3);
        assertThat(neighbours).extracting(CoOccurrence.Neighbour::trackId).containsExactly("y", "z", "a");
        assertThat(neighbours.get(0).playlists()).isEqualTo(2);
        assertThat(neighbours.get(0).score()).isCloseTo(1 / log2(4) + 1 / log2(3), within(1e-12));
        assertThat(neighbours.get(1).score()).isCloseTo(1 / log2(4) + 1 / log2(16), within(1e-12));
    }

    @Test
    void severalSeedsVoteTogether() {
        Map<String, List<String>> playlists = Map.of("p1", List.of("x", "y"), "p3", List.of("w", "y", "v"));
        List<CoOccurrence.Neighbour> neighbours =
                CoOccurrence.neighbours(Map.of("x", List.of("p1"), "w", List.of("p3")), playlists, 10);
        assertThat(neighbours).extracting(CoOccurrence.Neighbour::trackId).containsExactly("y", "v");
        assertThat(neighbours.get(0).playlists()).isEqualTo(2);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
