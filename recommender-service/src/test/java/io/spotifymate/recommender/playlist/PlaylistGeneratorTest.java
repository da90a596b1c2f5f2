package io.spotifymate.recommender.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.pipeline.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaylistGeneratorTest {

    /** 120 candidates, best first, with energies all over the place and 2–6 minute durations. */
    private static List<Recommendations.Item> pool() {
        Random random = new Random(3);
        List<Recommendations.Item> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(new Recommendations.Item(
                    "spotify:track:" + String.format("%022d", i),
                    "Song " + i,
                    "Artist " + (i % 40),
                    2000,
                    120_000 + random.nextInt(240_000),
                    random.nextDouble(),
                    100.0,
                    1.0 - i / 200.0,
                    "model",
                    "because",
                    List.of()));
        }
        return items;
    }

    private static PlaylistSpec spec(Integer tracks, Integer minutes, String arc) {
        return new PlaylistSpec(
                null, null, tracks, minutes, null, arc, null, null, null, null, null, null, null, null, null);
    }

    private static List<Double> energies(List<Recommendations.Item> items) {
        return items.stream().map(Recommendations.Item::energy).toList();
    }

    @Test
    void aLengthInTracksGivesExactlyThatManyDistinctTracks() {
        List<Recommendations.Item> playlist = PlaylistGenerator.generate(pool(), spec(25, null, null));

        assertThat(playlist).hasSize(25);
        assertThat(playlist).extracting(Recommendations.Item::trackId).doesNotHaveDuplicates();
        // Without an arc the most relevant come first, in order.
        assertThat(playlist).isEqualTo(pool().subList(0, 25));
    }

    @Test
    void aLengthInMinutesEndsWithinThreeMinutesOfIt() {
        for (int minutes : new int[] {15, 45, 90, 180}) {
            List<Recommendations.Item> playlist = PlaylistGenerator.generate(pool(), spec(null, minutes, "rising"));

            long ms = playlist.stream()
                    .mapToLong(Recommendations.Item::durationMs)
                    .sum();
            assertThat(ms).as(minutes + " minutes").isBetween(minutes * 60_000L - 180_000, minutes * 60_000L + 180_000);
        }
    }

    @Test
    void warmUpPeakCoolDownRisesToItsHighestTrackAndFallsFromThere() {
        List<Double> e = energies(PlaylistGenerator.generate(pool(), spec(20, null, "warm-up-peak-cool-down")));

        int peak = e.indexOf(e.stream().max(Double::compare).orElseThrow());
        for (int i = 1; i <= peak; i++) {
            assertThat(e.get(i)).as("rising at " + i).isGreaterThanOrEqualTo(e.get(i - 1));
        }
        for (int i = peak + 1; i < e.size(); i++) {
            assertThat(e.get(i)).as("falling at " + i).isLessThanOrEqualTo(e.get(i - 1));
        }
        assertThat(peak).isBetween(5, 15);
        assertThat(e.get(peak) - Math.max(e.get(0), e.get(e.size() - 1)))
                .as("the peak stands out")
                .isGreaterThan(0.3);
    }

    @Test
    void risingNeverFallsAndFallingNeverRises() {
        List<Double> up = energies(PlaylistGenerator.generate(pool(), spec(15, null, "rising")));
        List<Double> down = energies(PlaylistGenerator.generate(pool(), spec(15, null, "falling")));

        assertThat(up).isSorted().hasSize(15);
        assertThat(down).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(up.get(14) - up.get(0)).as("spans the pool's range").isGreaterThan(0.5);
    }

    @Test
    void anUnknownArcIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EnergyArc.parse("zigzag"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("arc");
    }

    @Test
    void aPoolSmallerThanAskedGivesWhatThereIs() {
        assertThat(PlaylistGenerator.generate(pool().subList(0, 7), spec(20, null, "rising")))
                .hasSize(7);
        assertThat(PlaylistGenerator.generate(List.of(), spec(20, null, null))).isEmpty();
    }
}
