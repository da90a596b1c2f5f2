package io.spotifymate.model.ranking;

/**
 * A factor model's vectors, row-major: {@code users[u * dimensions + f]}, {@code items[i * dimensions + f]}. The score
 * of an item for a user is the dot product of their vectors, so candidates can be found by vector search.
 */
public record Factors(float[] users, float[] items, int dimensions) {

    public FactorScorer scorer() {
        return new FactorScorer(this);
    }
}
