package io.spotifymate.recommender.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.recommender.fixtures.MusicFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot changed by the rows the change log names is the snapshot a whole read of the same store would give. */
class CatalogSnapshotChangesTest {

    private final MusicFixture world = MusicFixture.generate("changes", 12, 8);

    @Test
    void aChangedSnapshotEqualsOneBuiltWholeFromTheSameTracks() {
        List<CatalogSnapshot.Track> all = world.catalogTracks();
        // The first half is read whole; then the rest arrives, and one known track gains listeners.
        CatalogSnapshot first = CatalogSnapshot.of(all.subList(0, all.size() / 2), Map.of(), Instant.EPOCH);
        Map<String, CatalogSnapshot.Track> changed = new HashMap<>();
        all.subList(all.size() / 2, all.size()).forEach(t -> changed.put(t.trackId(), CatalogSnapshot.asHeld(t)));
        CatalogSnapshot.Track popular = withListeners(all.get(0), 9_999);
        changed.put(popular.trackId(), CatalogSnapshot.asHeld(popular));
        Map<String, List<String>> tags =
                Map.of(CatalogSnapshot.artistKey(all.get(1).artistName()), List.of("shoegaze"));

        CatalogSnapshot updated = first.withChanges(changed, tags, Instant.EPOCH);

        List<CatalogSnapshot.Track> expected = new ArrayList<>(all);
        expected.set(0, popular);
        CatalogSnapshot whole = CatalogSnapshot.of(
                expected.stream()
                        .sorted((a, b) -> a.trackId().compareTo(b.trackId()))
                        .toList(),
                tags,
                Instant.EPOCH);
        assertThat(updated.size()).isEqualTo(all.size());
        for (int i = 0; i < whole.size(); i++) {
            assertThat(updated.track(i)).isEqualTo(whole.track(i));
            assertThat(updated.popularity(i)).isEqualTo(whole.popularity(i));
        }
        assertThat(updated.byPopularity()[0]).isEqualTo(updated.index(popular.trackId()));
        int tag = updated.tag("shoegaze");
        assertThat(updated.hasTag(updated.index(all.get(1).trackId()), tag)).isTrue();
    }

    @Test
    void aTrackReadBackFromASnapshotComparesEqualToTheRowItWasBuiltFrom() {
        List<CatalogSnapshot.Track> all = world.catalogTracks();
        CatalogSnapshot snapshot = CatalogSnapshot.of(all, Map.of(), Instant.EPOCH);
        for (CatalogSnapshot.Track track : all) {
            assertThat(snapshot.track(snapshot.index(track.trackId()))).isEqualTo(CatalogSnapshot.asHeld(track));
        }
    }

    @Test
    void aTrackThatLostItsNameLeavesTheSnapshot() {
        List<CatalogSnapshot.Track> all = world.catalogTracks();
        CatalogSnapshot snapshot = CatalogSnapshot.of(all, Map.of(), Instant.EPOCH);
        CatalogSnapshot.Track nameless = new CatalogSnapshot.Track(
                all.get(3).trackId(), null, null, null, null, null, null, null, null, null, null);

        CatalogSnapshot updated = snapshot.withChanges(Map.of(nameless.trackId(), nameless), Map.of(), Instant.EPOCH);

        assertThat(updated.size()).isEqualTo(all.size() - 1);
        assertThat(updated.index(nameless.trackId())).isEqualTo(-1);
    }

    private static CatalogSnapshot.Track withListeners(CatalogSnapshot.Track t, int listeners) {
        return new CatalogSnapshot.Track(
                t.trackId(),
                t.name(),
                t.artistName(),
                t.artistId(),
                t.durationMs(),
                t.releaseYear(),
                t.genres(),
                t.audio(),
                t.vector(),
                listeners,
                t.totalPlays());
    }
}
