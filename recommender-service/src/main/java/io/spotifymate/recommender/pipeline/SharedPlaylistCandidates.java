package io.spotifymate.recommender.pipeline;

import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Tracks that share playlists with the seeds (or with what the listener liked): the strongest co-listings. Votes are
 * heavy-tailed — a hit shares playlists with everything — so the evidence is the square root of a track's share of
 * the strongest vote, which keeps the many tracks that share a few playlists with the seeds from looking like no
 * evidence at all.
 */
final class SharedPlaylistCandidates implements CandidateSource {

    private final Map<Integer, CoListed> coListed;
    private final int count;

    /** @param coListed tracks sharing playlists with the taste's focus, by catalog number */
    SharedPlaylistCandidates(Map<Integer, CoListed> coListed, int count) {
        this.coListed = coListed;
        this.count = count;
    }

    @Override
    public void addCandidates(CandidatePool pool, IntPredicate eligible) {
        if (coListed.isEmpty()) {
            return;
        }
        float top = (float)
                coListed.values().stream().mapToDouble(CoListed::score).max().orElse(1);
        TopN strongest = new TopN(count);
        coListed.forEach((track, listed) -> {
            if (strongest.accepts(track, listed.score()) && eligible.test(track)) {
                strongest.offer(track, listed.score());
            }
        });
        for (int track : strongest.best()) {
            pool.put(track, Evidence.SHARED_PLAYLISTS, (float)
                    Math.sqrt(coListed.get(track).score() / top));
        }
    }
}
