package io.spotifymate.recommender.pipeline;

import java.util.function.IntPredicate;

/**
 * Where candidates come from. Each source, made for one request, adds its best eligible tracks to the pool with its
 * evidence for each on a 0..1 scale; a track that several sources find carries the evidence of each.
 */
interface CandidateSource {

    /** Adds at most this source's share of candidates, each passing {@code eligible}, with their evidence. */
    void addCandidates(CandidatePool pool, IntPredicate eligible);

    /**
     * Whether a source that reaches what the model cannot (sound, tags) looks only at the tracks the model does not
     * know: not when the request points somewhere (seeds, "more like this") or there is no model — then it searches
     * the whole catalog.
     */
    static boolean beyondModelOnly(ModelView view, Taste taste) {
        return view != null && !taste.hasFocus();
    }
}
