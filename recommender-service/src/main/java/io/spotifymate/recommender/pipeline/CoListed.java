package io.spotifymate.recommender.pipeline;

/**
 * A track that shares playlists with seeds: its damped co-occurrence score, the seed behind most of it, and how many
 * playlists list it with that seed.
 */
public record CoListed(float score, int seed, int playlists) {

    /** The same track listed with another seed: the scores add up, the stronger seed is named. */
    public CoListed plus(CoListed other) {
        return score >= other.score
                ? new CoListed(score + other.score, seed, playlists)
                : new CoListed(score + other.score, other.seed, other.playlists);
    }
}
