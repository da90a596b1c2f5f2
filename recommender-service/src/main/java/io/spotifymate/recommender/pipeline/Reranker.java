package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Diversity: greedy maximal marginal relevance over the tracks' sound. Each step takes the candidate with the best
 * λ·relevance − (1−λ)·(its highest sound similarity to a track already taken), skipping artists that reached their
 * cap. Relevance is scaled to 0..1 over the most relevant candidates first, so λ means the same whatever the sources.
 */
final class Reranker {

    /** How many candidates MMR weighs per pick asked for, and at least: the rest are too far down to matter. */
    private static final int CANDIDATES_PER_PICK = 8;

    private static final int MIN_CANDIDATES = 160;

    private final int maxPerArtist;
    private final float lambda;

    /**
     * @param maxPerArtist the most tracks of one artist in an answer, unless the query says otherwise
     * @param lambda 1 ranks by relevance alone, 0 by novelty against what is already picked alone
     */
    Reranker(int maxPerArtist, double lambda) {
        this.maxPerArtist = maxPerArtist;
        this.lambda = (float) lambda;
    }

    /**
     * Up to {@code query.k()} positions in {@code tracks}, in the order they are to be shown.
     *
     * @param tracks candidates by catalog number
     * @param relevance each candidate's relevance, same positions
     */
    List<Integer> rerank(CatalogSnapshot catalog, int[] tracks, float[] relevance, Query query) {
        int cap = query.maxPerArtist() != null ? query.maxPerArtist() : maxPerArtist;
        int poolSize = Math.min(tracks.length, Math.max(query.k() * CANDIDATES_PER_PICK, MIN_CANDIDATES));
        TopN top = new TopN(poolSize);
        for (int c = 0; c < tracks.length; c++) {
            top.offer(c, relevance[c]);
        }
        int[] candidates = top.best();
        if (candidates.length == 0) {
            return List.of();
        }
        float max = relevance[candidates[0]];
        float min = relevance[candidates[candidates.length - 1]];
        float[] maxSim = new float[candidates.length];
        boolean[] taken = new boolean[candidates.length];
        // The candidates' artists numbered among themselves, so the cap is checked in an array, not a map.
        int[] artistOf = new int[candidates.length];
        Map<Integer, Integer> artists = new HashMap<>();
        for (int p = 0; p < candidates.length; p++) {
            artistOf[p] = artists.computeIfAbsent(catalog.artist(tracks[candidates[p]]), a -> artists.size());
        }
        int[] perArtist = new int[artists.size()];
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < query.k()) {
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < candidates.length; p++) {
                if (taken[p] || perArtist[artistOf[p]] >= cap) {
                    continue;
                }
                float rel = max == min ? 1 : (relevance[candidates[p]] - min) / (max - min);
                float value = lambda * rel - (1 - lambda) * maxSim[p];
                if (value > bestValue) {
                    bestValue = value;
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            int track = tracks[candidates[best]];
            chosen.add(candidates[best]);
            perArtist[artistOf[best]]++;
            for (int p = 0; p < candidates.length; p++) {
                if (!taken[p]) {
                    maxSim[p] = Math.max(maxSim[p], Math.max(0, catalog.similarity(track, tracks[candidates[p]])));
                }
            }
        }
        return chosen;
    }
}
