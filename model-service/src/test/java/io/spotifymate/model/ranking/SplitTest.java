package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The splitters never leak a held-out interaction into training, and are deterministic. */
class SplitTest {

    /** 300 users with 1 to 60 items each of 500, strengths 1..100, times spread over a year. */
    static Interactions sample(boolean timed) {
        SplittableRandom random = new SplittableRandom(7);
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < 300; u++) {
            int count = 1 + random.nextInt(60);
            for (int k = 0; k < count; k++) {
                String item = "i" + (int) (Math.pow(random.nextDouble(), 2) * 500);
                long time = timed ? 1_600_000_000_000L + random.nextLong(31_536_000_000L) : Interactions.NO_TIME;
                builder.add("u" + u, item, 1 + random.nextInt(100), time);
            }
        }
        return builder.build();
    }

    @Test
    void holdoutPutsEveryInteractionInExactlyOneSideAndAboutAFifthInTheTest() {
        Interactions all = sample(false);
        Split split = Split.holdout(all, 0.2, 42);

        assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
        int heldOut = 0;
        for (int user = 0; user < all.users(); user++) {
            Set<Integer> train = asSet(split.train().itemsOf(user));
            Set<Integer> test = asSet(split.test().itemsOf(user));
            assertThat(test).noneMatch(train::contains);
            Set<Integer> union = new HashSet<>(train);
            union.addAll(test);
            assertThat(union).isEqualTo(asSet(all.itemsOf(user)));
            if (all.count(user) == 1) {
                assertThat(test)
                        .as("a user with one item keeps it for training")
                        .isEmpty();
            } else {
                assertThat(train).as("nobody loses every item to the test").isNotEmpty();
                assertThat(test).isNotEmpty();
            }
            heldOut += test.size();
        }
        assertThat((double) heldOut / all.size()).isBetween(0.17, 0.23);
    }

    @Test
    void holdoutIsTheSameForTheSameSeedAndDiffersForAnother() {
        Interactions all = sample(false);
        Split first = Split.holdout(all, 0.2, 1);
        Split again = Split.holdout(all, 0.2, 1);
        Split other = Split.holdout(all, 0.2, 2);
        boolean differs = false;
        for (int user = 0; user < all.users(); user++) {
            assertThat(again.test().itemsOf(user)).isEqualTo(first.test().itemsOf(user));
            differs |=
                    !asSet(other.test().itemsOf(user)).equals(asSet(first.test().itemsOf(user)));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void byTimeTrainsOnlyOnThePastAndTestsOnlyUsersWithAPast() {
        Interactions all = sample(true);
        Split split = Split.byTime(all, 0.2);

        long latestTrain = Long.MIN_VALUE;
        for (int p = 0; p < split.train().size(); p++) {
            latestTrain = Math.max(latestTrain, split.train().time(p));
        }
        long earliestTest = Long.MAX_VALUE;
        for (int p = 0; p < split.test().size(); p++) {
            earliestTest = Math.min(earliestTest, split.test().time(p));
        }
        assertThat(latestTrain).isLessThan(earliestTest);
        for (int user = 0; user < all.users(); user++) {
            if (split.test().count(user) > 0) {
                assertThat(split.train().count(user)).isPositive();
            }
        }
        assertThat((double) split.test().size() / all.size()).isBetween(0.12, 0.21);
        assertThat(split.testUsers()).isNotEmpty();
    }

    @Test
    void aRestrictedHoldoutHoldsOutOnlyTheJudgedUsers() {
        Interactions all = sample(false);
        Split split = Split.holdout(all, 0.2, 42, user -> user % 3 == 0);

        assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
        for (int user = 0; user < all.users(); user++) {
            if (user % 3 != 0) {
                assertThat(split.test().count(user))
                        .as("user %d is not judged", user)
                        .isZero();
                assertThat(split.train().count(user)).isEqualTo(all.count(user));
            }
        }
        assertThat(boxed(split.testUsers())).isNotEmpty().allMatch(user -> user % 3 == 0);
    }

    @Test
    void aTimeSplitCutsOnTheJudgedUsersTimesAndTrainsOnEveryUntimedRow() {
        // 300 timed listeners beside 2,000 untimed playlists of ten items: the playlists outnumber the plays.
        SplittableRandom random = new SplittableRandom(11);
        Interactions.Builder builder = Interactions.builder();
        Interactions timed = sample(true);
        for (int user = 0; user < timed.users(); user++) {
            for (int p = timed.start(user); p < timed.end(user); p++) {
                builder.add(timed.userId(user), timed.itemId(timed.item(p)), timed.strength(p), timed.time(p));
            }
        }
        for (int playlist = 0; playlist < 2_000; playlist++) {
            for (int k = 0; k < 10; k++) {
                builder.add("playlist:" + playlist, "i" + random.nextInt(500), 1);
            }
        }
        Interactions all = builder.build();
        Split split = Split.byTime(all, 0.2, user -> !all.userId(user).startsWith("playlist:"));

        assertThat(split.train().size() + split.test().size()).isLessThanOrEqualTo(all.size());
        for (int user = 0; user < all.users(); user++) {
            if (all.userId(user).startsWith("playlist:")) {
                assertThat(split.train().count(user)).isEqualTo(all.count(user));
                assertThat(split.test().count(user)).isZero();
            }
        }
        // The cut leaves about a fifth of the plays to judge on, as without the playlists.
        assertThat((double) split.test().size() / timed.size()).isBetween(0.12, 0.21);
        assertThat(split.testUsers()).isNotEmpty();
    }

    @Test
    void userOfFindsTheOwnerAcrossEmptyRows() {
        Interactions all = Interactions.builder()
                .add("a", "x", 1)
                .add("b", "y", 1)
                .add("b", "z", 1)
                .build();
        Interactions onlyB = all.filter(p -> all.userOf(p) == 1);
        assertThat(onlyB.count(0)).isZero();
        assertThat(onlyB.userOf(0)).isEqualTo(1);
        assertThat(onlyB.userOf(1)).isEqualTo(1);
    }

    private static Set<Integer> asSet(int[] items) {
        Set<Integer> set = new HashSet<>();
        for (int item : items) {
            set.add(item);
        }
        return set;
    }

    private static List<Integer> boxed(int[] users) {
        return Arrays.stream(users).boxed().toList();
    }
}
