package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The metrics against values worked out by hand. */
class RankingMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void ndcgOfAListWithHitsAtRanksOneAndThree() {
        // Relevant {7, 9}; list 7, 1, 9: DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
        RankingMetrics.Relevance relevant = Set.of(7, 9)::contains;
        double ndcg = RankingMetrics.ndcg(new int[] {7, 1, 9}, relevant, 2, 10);
        assertThat(ndcg).isCloseTo(1.5 / (1 + 1 / LOG2_3), within(1e-12));
    }

    @Test
    void ndcgIsOneForAPerfectListAndZeroWithoutHits() {
        RankingMetrics.Relevance relevant = Set.of(3, 4)::contains;
        assertThat(RankingMetrics.ndcg(new int[] {4, 3, 8}, relevant, 2, 10)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetrics.ndcg(new int[] {1, 2, 8}, relevant, 2, 10)).isZero();
    }

    @Test
    void ndcgLooksOnlyAtTheFirstK() {
        RankingMetrics.Relevance relevant = Set.of(5)::contains;
        assertThat(RankingMetrics.ndcg(new int[] {1, 2, 5}, relevant, 1, 2)).isZero();
        assertThat(RankingMetrics.ndcg(new int[] {1, 2, 5}, relevant, 1, 3)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void recallIsNormalisedByTheSmallerOfKAndTheHeldOutCount() {
        RankingMetrics.Relevance relevant = Set.of(1, 2, 3, 4, 5)::contains;
        // Two of five held out in a list of two: 2 / min(2, 5) = 1.
        assertThat(RankingMetrics.recall(new int[] {1, 2}, relevant, 5, 2)).isEqualTo(1.0);
        // One hit in the first 4 of 5 held out: 1 / 4.
        assertThat(RankingMetrics.recall(new int[] {9, 1, 8, 7}, relevant, 5, 4))
                .isEqualTo(0.25);
    }

    @Test
    void averagePrecisionSumsThePrecisionAtEachHit() {
        // Relevant {1, 3}; list 1, 2, 3: (1/1 + 2/3) / 2.
        RankingMetrics.Relevance relevant = Set.of(1, 3)::contains;
        assertThat(RankingMetrics.averagePrecision(new int[] {1, 2, 3}, relevant, 2, 20))
                .isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void noveltyIsTheMeanSelfInformationOfTheItems() {
        // Item 0 played by 2 of 8 users (2 bits), item 1 by 1 of 8 (3 bits).
        int[] itemUsers = {2, 1};
        assertThat(RankingMetrics.novelty(new int[] {0, 1}, itemUsers, 8, 10)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void intraListDiversityAveragesOneMinusSimilarityOverPairs() {
        // Three items; pairs (0,1) 0.5, (0,2) 0, (1,2) 1: diversity = ((1-0.5) + 1 + 0) / 3.
        RankingMetrics.ItemSimilarity similarity = (a, b) -> a + b == 1 ? 0.5 : a + b == 2 ? 0 : 1;
        assertThat(RankingMetrics.intraListDiversity(new int[] {0, 1, 2}, similarity, 10))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void topKSkipsExcludedItemsAndBreaksTiesByLowerIndex() {
        float[] scores = {0.5f, 0.9f, 0.9f, 0.1f, 0.7f};
        assertThat(TopK.of(scores, 3, new int[] {1})).containsExactly(2, 4, 0);
        assertThat(TopK.of(scores, 2, new int[0])).containsExactly(1, 2);
        assertThat(TopK.of(scores, 9, new int[] {0, 1, 2, 3})).containsExactly(4);
    }

    @Test
    void topKAmongCandidatesFindsWhatAPassOverTheCatalogFindsWithTheRestUnscored() {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 200; round++) {
            float[] scores = new float[300];
            Arrays.fill(scores, Float.NaN);
            int[] candidates = random.ints(40, 0, 300).distinct().sorted().toArray();
            for (int item : candidates) {
                // Few distinct values: ties are common.
                scores[item] = random.nextInt(6);
            }
            int k = 1 + random.nextInt(candidates.length + 2);
            assertThat(TopK.among(scores, candidates, candidates.length, Math.min(k, candidates.length)))
                    .containsExactly(TopK.of(scores, Math.min(k, candidates.length), new int[0]));
        }
    }
}
