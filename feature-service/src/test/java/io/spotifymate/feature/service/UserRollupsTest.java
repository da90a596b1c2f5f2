package io.spotifymate.feature.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spotifymate.feature.UserProfile;
import io.spotifymate.feature.repository.CatalogStore.ArtistRow;
import io.spotifymate.feature.repository.CatalogStore.TrackRow;
import io.spotifymate.feature.repository.PlayStore.UserTrackRow;
import io.spotifymate.feature.repository.UserStore.ArtistStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRollupsTest {

    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private static UserTrackRow stats(String trackId, String artist, int plays, double affinityLog2) {
        return new UserTrackRow(
                trackId, artist, plays, plays, 0, plays * 200_000L, T, T.plusSeconds(plays), affinityLog2);
    }

    private static TrackRow track(String trackId, List<String> genres, double valence, double energy, double first) {
        List<Double> filled = new ArrayList<>(Collections.nCopies(AudioFeatureSpace.SIZE, 0.0));
        filled.set(UserRollups.VALENCE, valence);
        filled.set(UserRollups.ENERGY, energy);
        List<Double> vector = new ArrayList<>(Collections.nCopies(AudioFeatureSpace.SIZE, 0.0));
        vector.set(0, first);
        return new TrackRow(
                trackId, "n", "a", null, null, null, null, genres, Map.of(), true, filled, vector, Map.of(), "s1", null,
                null, null);
    }

    @Test
    void theProfileIsTheAffinityWeightedMeanOfTheTracksVectors() {
        // Affinities one halving apart: weights 1 and 0.5.
        List<UserTrackRow> tracks = List.of(stats("t1", "A", 4, 10.0), stats("t2", "B", 1, 9.0));
        Map<String, TrackRow> catalog = Map.of(
                "t1", track("t1", List.of("Rock"), 0.9, 0.9, 3.0), "t2", track("t2", List.of("jazz"), 0.1, 0.2, 0.0));

        UserProfile profile = UserRollups.profile("u", tracks, catalog, Map.of(), List.of(), "s1");

        assertThat(profile.profile().get(0)).isCloseTo(3.0 / 1.5, within(1e-12));
        assertThat(profile.tags()).containsOnlyKeys("rock", "jazz");
        assertThat(profile.tags().get("rock")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(profile.moods().get("happy")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(profile.moods().get("sad")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(profile.plays()).isEqualTo(5);
        assertThat(profile.distinctArtists()).isEqualTo(2);
    }

    @Test
    void tracksNormalisedWithAnotherFitAreLeftOutOfTheVectorButStillCount() {
        List<UserTrackRow> tracks = List.of(stats("t1", "A", 1, 1.0));
        UserProfile profile = UserRollups.profile(
                "u", tracks, Map.of("t1", track("t1", List.of(), 0.5, 0.5, 1)), Map.of(), List.of(), "s2");
        assertThat(profile.profile()).isEmpty();
        assertThat(profile.moods()).isEmpty();
        assertThat(profile.distinctTracks()).isEqualTo(1);
    }

    @Test
    void aTrackWithoutGenresLendsItsArtistsTopTags() {
        ArtistRow artist = new ArtistRow("id", "A", Map.of("indie", 40, "rock", 90, "seen live", 40, "90s", 5));
        assertThat(UserRollups.tagsOf(track("t", List.of(), 0, 0, 0), artist))
                .containsExactly("rock", "indie", "seen live");
        assertThat(UserRollups.tagsOf(track("t", List.of(" Shoegaze "), 0, 0, 0), artist))
                .containsExactly("shoegaze");
    }

    @Test
    void artistTotalsSumTheirTracksAndTheirAffinitiesAddUp() {
        List<ArtistStats> artists = UserRollups.artists(
                List.of(stats("t1", "Björk", 2, 5.0), stats("t2", "bjork", 3, 5.0), stats("t3", "Other", 1, 1.0)));
        assertThat(artists).hasSize(2);
        ArtistStats bjork =
                artists.stream().filter(a -> a.plays() == 5).findFirst().orElseThrow();
        assertThat(bjork.affinityLog2()).as("2^5 + 2^5 = 2^6").isCloseTo(6.0, within(1e-12));
    }
}
