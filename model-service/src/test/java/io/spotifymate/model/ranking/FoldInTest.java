package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A listener the model never saw gets a vector from their plays that finds their group's other tracks. */
class FoldInTest {

    @Test
    void aNewListenersFewPlaysGiveThemTheirGroupsTracks() {
        Interactions train = ModelsTest.twoGroups();
        // Two factors for two groups: the item vectors are the groups, nothing more to overfit.
        Factors factors = new Ials(2, 4, 1, 2, 10, 3).train(train);
        FoldIn foldIn = new FoldIn(factors.items(), factors.dimensions(), 4, 1, 2);

        // Three plays from the second group's tracks (indices 10..19).
        int[] played = {
            train.itemIds().indexOf("item12"),
            train.itemIds().indexOf("item15"),
            train.itemIds().indexOf("item17")
        };
        float[] vector = foldIn.vector(played, new float[] {3, 1, 2});

        float[] scores = new float[train.items()];
        for (int item = 0; item < train.items(); item++) {
            float sum = 0;
            for (int f = 0; f < factors.dimensions(); f++) {
                sum += vector[f] * factors.items()[item * factors.dimensions() + f];
            }
            scores[item] = sum;
        }
        int[] sorted = played.clone();
        java.util.Arrays.sort(sorted);
        for (int item : TopK.of(scores, 7, sorted)) {
            assertThat(train.itemId(item)).isIn("item10", "item11", "item13", "item14", "item16", "item18", "item19");
        }
    }

    @Test
    void aTrainedUsersOwnHistoryFoldsInCloseToTheirTrainedVector() {
        Interactions train = ModelsTest.twoGroups();
        Factors factors = new Ials(8, 4, 1, 0.5, 10, 3).train(train);
        FoldIn foldIn = new FoldIn(factors.items(), factors.dimensions(), 4, 1, 0.5);
        int user = 5;
        float[] strengths = new float[train.count(user)];
        for (int p = train.start(user); p < train.end(user); p++) {
            strengths[p - train.start(user)] = train.strength(p);
        }
        float[] folded = foldIn.vector(train.itemsOf(user), strengths);
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int f = 0; f < factors.dimensions(); f++) {
            float trained = factors.users()[user * factors.dimensions() + f];
            dot += trained * folded[f];
            a += trained * trained;
            b += folded[f] * folded[f];
        }
        // The last iALS half-step solved exactly this system for this user: the same vector, up to the CG's steps.
        assertThat(dot / Math.sqrt(a * b)).isGreaterThan(0.95);
    }
}
