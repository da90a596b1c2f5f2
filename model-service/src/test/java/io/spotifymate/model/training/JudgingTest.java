package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.Split;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Who judges a round: real listeners when there are enough of them, else imported playlists. */
class JudgingTest {

    private static final long DAY = 86_400_000L;

    /**
     * {@code listeners} listeners with {@code plays} timed tracks each and {@code playlists} playlists of 5 to 30
     * tracks, over 400 tracks.
     */
    private static Interactions store(int listeners, int plays, int playlists) {
        SplittableRandom random = new SplittableRandom(17);
        TrainingData.Assembler assembler = new TrainingData.Assembler(0);
        for (int u = 0; u < listeners; u++) {
            for (int k = 0; k < plays; k++) {
                assembler.listenerTrack("listener" + u, "t" + random.nextInt(400), 1 + random.nextInt(5), k * DAY + u);
            }
        }
        for (int p = 0; p < playlists; p++) {
            int length = 5 + random.nextInt(26);
            String[] tracks = new String[length];
            int cluster = random.nextInt(8) * 50;
            for (int k = 0; k < length; k++) {
                tracks[k] = "t" + (cluster + random.nextInt(50));
            }
            assembler.playlist("mpd:" + p, Arrays.asList(tracks));
        }
        return assembler.build(null, Map.of()).interactions();
    }

    private static boolean isPlaylist(Interactions all, int user) {
        return PseudoUsers.isPseudo(all.userId(user));
    }

    @Test
    void withThirtyRealListenersTheJudgesAreRealListenersAndEveryPlaylistTrains() {
        Interactions all = store(30, 40, 2_000);
        Judging judging = Judging.of(all, 0.2, 1);
        Split split = judging.split();

        assertThat(judging.population()).isEqualTo(Judging.Population.LISTENERS);
        assertThat(judging.byTime()).isTrue();
        assertThat(judging.description()).isEqualTo("30 real listeners' held-out plays");
        assertThat(boxed(split.testUsers())).isNotEmpty().noneMatch(user -> isPlaylist(all, user));
        for (int user = 0; user < all.users(); user++) {
            if (isPlaylist(all, user)) {
                assertThat(split.train().count(user)).isEqualTo(all.count(user));
            }
        }
    }

    @Test
    void whenTheLatestPlaysAreOneListenersEveryListenerHoldsOutTheirOwnInstead() {
        TrainingData.Assembler assembler = new TrainingData.Assembler(0);
        for (int u = 0; u < 25; u++) {
            for (int k = 0; k < 10; k++) {
                assembler.listenerTrack("listener" + u, "t" + (u * 10 + k), 1, k * DAY);
            }
        }
        // One listener imported two years of history, all of it later than everybody else's plays.
        for (int k = 0; k < 400; k++) {
            assembler.listenerTrack("importer", "t" + (k % 300), 1, 1_000 * DAY + k * DAY);
        }
        Interactions all = assembler.build(null, Map.of()).interactions();

        Judging judging = Judging.of(all, 0.2, 1);

        assertThat(judging.population()).isEqualTo(Judging.Population.LISTENERS);
        assertThat(judging.byTime()).isFalse();
        assertThat(judging.split().testUsers()).hasSizeGreaterThanOrEqualTo(Judging.MIN_LISTENERS);
    }

    @Test
    void withOneListenerAHeldOutSampleOfPlaylistsJudgesAndEveryPlayTrains() {
        Interactions all = store(1, 300, 5_000);
        Judging judging = Judging.of(all, 0.2, 1);
        Split split = judging.split();
        int listener = all.userIds().indexOf("listener0");

        assertThat(judging.population()).isEqualTo(Judging.Population.PLAYLISTS);
        assertThat(judging.byTime()).isFalse();
        assertThat(split.train().count(listener))
                .as("the listener's plays all train")
                .isEqualTo(all.count(listener));
        assertThat(boxed(split.testUsers()))
                .hasSize(Judging.MAX_JUDGED_PLAYLISTS)
                .allMatch(user -> isPlaylist(all, user));
        assertThat(judging.description())
                .isEqualTo("1,000 imported playlists' held-out tracks (1 real listener with at least 5 positives; 20"
                        + " are needed to judge on them, so every listener's plays train)");
        assertThat(Judging.of(all, 0.2, 1).split().testUsers())
                .as("the same sample for the same seed")
                .containsExactly(split.testUsers());
        assertThat(Judging.of(all, 0.2, 2).split().testUsers()).isNotEqualTo(split.testUsers());
    }

    @Test
    void nineteenListenersAreTooFewToJudgeAndTwentyAreEnough() {
        assertThat(Judging.of(store(19, 10, 100), 0.2, 1).population()).isEqualTo(Judging.Population.PLAYLISTS);
        assertThat(Judging.of(store(20, 10, 100), 0.2, 1).population()).isEqualTo(Judging.Population.LISTENERS);
    }

    @Test
    void listenersWithFewerThanFivePositivesDoNotCountTowardsJudging() {
        // Four plays over 400 tracks are four positives at most: none of the 40 listeners can be judged on.
        Judging judging = Judging.of(store(40, Judging.MIN_POSITIVES - 1, 100), 0.2, 1);

        assertThat(judging.population()).isEqualTo(Judging.Population.PLAYLISTS);
        assertThat(judging.description()).contains("0 real listeners with at least 5 positives");
    }

    @Test
    void withoutPlaylistsTheFewListenersThereAreJudgeAndTheReasonSaysWhy() {
        Judging judging = Judging.of(store(3, 40, 0), 0.2, 1);

        assertThat(judging.population()).isEqualTo(Judging.Population.FEW_LISTENERS);
        assertThat(judging.split().testUsers()).hasSize(3);
        assertThat(judging.description())
                .startsWith("3 real listeners' held-out plays (fewer than 20 with at least 5 positives");
    }

    @Test
    void earlyStoppingHoldsOutFromTheSamePopulationThatJudges() {
        Interactions all = store(1, 300, 3_000);
        Judging judging = Judging.of(all, 0.2, 1);
        Split validation = judging.validation(0.2, 2);

        int[] judged = judging.split().testUsers();
        assertThat(boxed(validation.testUsers())).isNotEmpty().allMatch(user -> Arrays.binarySearch(judged, user) >= 0);
    }

    private static List<Integer> boxed(int[] users) {
        return Arrays.stream(users).boxed().toList();
    }
}
