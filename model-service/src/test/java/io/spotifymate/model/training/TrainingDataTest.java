package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.model.ranking.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A round's training data from in-memory rows: listeners' plays, the catalog, and playlists as pseudo-users. */
class TrainingDataTest {

    private static final Map<String, Map<String, Object>> NORMALISATION = Map.of("energy", Map.of("method", "Z_SCORE"));

    /** The rows of a small store, each as one call on the assembler. */
    private static List<Consumer<TrainingData.Assembler>> rows() {
        List<Consumer<TrainingData.Assembler>> rows = new ArrayList<>();
        rows.add(a -> a.catalogTrack("t3", new float[] {0.3f, 1}));
        rows.add(a -> a.catalogTrack("t1", new float[] {0.1f, 0}));
        rows.add(a -> a.catalogTrack("t2", new float[] {0.2f, 0}));
        rows.add(a -> a.listenerTrack("ana", "t2", 3.5, 2_000));
        rows.add(a -> a.listenerTrack("ana", "t1", 1.25, 1_000));
        rows.add(a -> a.listenerTrack("bo", "t4", 2, Interactions.NO_TIME));
        rows.add(a -> a.playlist("mpd:2", List.of("t1", "t3", "t1")));
        rows.add(a -> a.playlist("mpd:1", List.of("t2", "t4", "t9")));
        rows.add(a -> a.playlist("mpd:3", List.of()));
        return rows;
    }

    private static TrainingData build(List<Consumer<TrainingData.Assembler>> rows) {
        TrainingData.Assembler assembler = new TrainingData.Assembler(2);
        rows.forEach(row -> row.accept(assembler));
        return assembler.build("stats-1", NORMALISATION);
    }

    @Test
    void playlistsBecomePseudoUsersWhoseTracksHaveUnitStrengthBesideTheListeners() {
        TrainingData data = build(rows());
        Interactions all = data.interactions();

        assertThat(all.itemIds()).containsExactly("t1", "t2", "t3", "t4", "t9");
        assertThat(all.userIds()).containsExactly("ana", "bo", "playlist:mpd:1", "playlist:mpd:2");
        assertThat(data.listeners()).isEqualTo(2);
        assertThat(data.pseudoUsers()).isEqualTo(2);

        int ana = all.userIds().indexOf("ana");
        assertThat(all.itemsOf(ana)).containsExactly(0, 1);
        assertThat(all.strength(all.start(ana))).isEqualTo(1.25f);
        assertThat(all.time(all.start(ana))).isEqualTo(1_000);
        assertThat(all.strength(all.start(ana) + 1)).isEqualTo(3.5f);

        int listedTwice = all.userIds().indexOf("playlist:mpd:2");
        assertThat(all.itemsOf(listedTwice))
                .as("a track listed twice is one positive")
                .containsExactly(0, 2);
        for (int user = 2; user < all.users(); user++) {
            for (int p = all.start(user); p < all.end(user); p++) {
                assertThat(all.strength(p)).isEqualTo(1f);
                assertThat(all.time(p)).isEqualTo(Interactions.NO_TIME);
            }
        }

        // Side features follow the sorted items; tracks the catalog lacks have zeros.
        assertThat(data.sideFeatures()[0]).containsExactly(0.1f, 0);
        assertThat(data.sideFeatures()[2]).containsExactly(0.3f, 1);
        assertThat(data.sideFeatures()[3]).containsExactly(0, 0);
        assertThat(data.sideFeatures()[4]).containsExactly(0, 0);
        assertThat(data.normalisationId()).isEqualTo("stats-1");
    }

    @Test
    void theSameRowsInAnyOrderGiveTheSameMatrix() {
        TrainingData first = build(rows());
        for (long seed = 0; seed < 5; seed++) {
            List<Consumer<TrainingData.Assembler>> shuffled = rows();
            Collections.shuffle(shuffled, new Random(seed));
            Interactions again = build(shuffled).interactions();
            Interactions all = first.interactions();

            assertThat(again.userIds()).isEqualTo(all.userIds());
            assertThat(again.itemIds()).isEqualTo(all.itemIds());
            for (int user = 0; user < all.users(); user++) {
                assertThat(again.itemsOf(user)).isEqualTo(all.itemsOf(user));
                for (int p = all.start(user); p < all.end(user); p++) {
                    assertThat(again.strength(p)).isEqualTo(all.strength(p));
                }
            }
        }
    }

    @Test
    void listenersWithALongHistoryAreCountedWithoutThePlaylists() {
        TrainingData.Assembler assembler = new TrainingData.Assembler(0);
        List<String> longPlaylist = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            assembler.listenerTrack("ana", "t" + t, 1, Interactions.NO_TIME);
            longPlaylist.add("t" + t);
        }
        assembler.listenerTrack("bo", "t1", 1, Interactions.NO_TIME);
        assembler.playlist("mpd:1", longPlaylist);
        TrainingData data = assembler.build(null, Map.of());

        assertThat(data.listenersWithAtLeast(PromotionGate.LISTENER_HISTORY)).isEqualTo(1);
        assertThat(data.listeners()).isEqualTo(2);
        assertThat(data.pseudoUsers()).isEqualTo(1);
    }

    @Test
    void aListenerIdShapedLikeAPlaylistsIsRefused() {
        TrainingData.Assembler assembler = new TrainingData.Assembler(0);

        assertThatThrownBy(() -> assembler.listenerTrack("playlist:mpd:1", "t1", 1, Interactions.NO_TIME))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
