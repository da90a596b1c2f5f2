package io.spotifymate.recommender.pipeline;

import static io.spotifymate.recommender.pipeline.StageWorld.CATALOG;
import static io.spotifymate.recommender.pipeline.StageWorld.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RerankerTest {

    /** Every catalog track, the lower numbers the more relevant. */
    private static final int[] TRACKS =
            java.util.stream.IntStream.range(0, CATALOG.size()).toArray();

    private static final float[] RELEVANCE = relevance();

    private static float[] relevance() {
        float[] relevance = new float[TRACKS.length];
        for (int c = 0; c < relevance.length; c++) {
            relevance[c] = 1f - c / (float) relevance.length;
        }
        return relevance;
    }

    private static Query top(int k, Integer maxPerArtist) {
        return new Query(k, null, null, null, null, null, null, List.of(), List.of(), null, maxPerArtist, Set.of());
    }

    private static Map<Integer, Long> perArtist(List<Integer> chosen) {
        return chosen.stream().collect(Collectors.groupingBy(c -> CATALOG.artist(TRACKS[c]), Collectors.counting()));
    }

    @Test
    void noArtistGetsMoreTracksThanTheCapAndARequestsOwnCapWins() {
        Reranker reranker = new Reranker(2, 0.75);

        List<Integer> byDefault = reranker.rerank(CATALOG, TRACKS, RELEVANCE, top(20, null));
        List<Integer> onePerArtist = reranker.rerank(CATALOG, TRACKS, RELEVANCE, top(20, 1));

        assertThat(byDefault).hasSize(20);
        assertThat(perArtist(byDefault).values()).allMatch(n -> n <= 2);
        assertThat(onePerArtist).as("12 artists, one track each").hasSize(12);
        assertThat(perArtist(onePerArtist).values()).allMatch(n -> n == 1);
    }

    @Test
    void withLambdaOneTheMostRelevantComeFirstInOrder() {
        List<Integer> chosen = new Reranker(10, 1).rerank(CATALOG, TRACKS, RELEVANCE, top(8, null));

        assertThat(chosen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aTrackThatSoundsLikeOneAlreadyPickedGivesWayToOneThatSoundsDifferent() {
        int first = track(0, 0);
        int alike = nearest(first, true);
        int different = nearest(first, false);
        int[] tracks = {first, alike, different};
        float[] relevance = {1f, 0.95f, 0.9f};

        List<Integer> byRelevance = new Reranker(10, 1).rerank(CATALOG, tracks, relevance, top(3, null));
        List<Integer> diverse = new Reranker(10, 0.5).rerank(CATALOG, tracks, relevance, top(3, null));

        assertThat(byRelevance).containsExactly(0, 1, 2);
        assertThat(diverse).containsExactly(0, 2, 1);
    }

    @Test
    void nothingToRankGivesNothing() {
        assertThat(new Reranker(2, 0.75).rerank(CATALOG, new int[0], new float[0], top(5, null)))
                .isEmpty();
    }

    /** Of the other artists' tracks, the one that sounds most (or least) like the given track. */
    private static int nearest(int track, boolean most) {
        int best = -1;
        for (int t = 0; t < CATALOG.size(); t++) {
            if (CATALOG.artist(t) == CATALOG.artist(track)) {
                continue;
            }
            float sim = CATALOG.similarity(track, t);
            if (best < 0 || (most ? sim > CATALOG.similarity(track, best) : sim < CATALOG.similarity(track, best))) {
                best = t;
            }
        }
        return best;
    }
}
