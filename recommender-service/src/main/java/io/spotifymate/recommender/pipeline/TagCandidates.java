package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.function.IntPredicate;

/**
 * Tracks whose tags the taste's artists share (see {@link TagProfile}), their evidence their tag score over the
 * best's. Tags reach, like sound, what the model does not know — a listener's own tracks in no corpus, a catalog
 * without audio features — and need neither a corpus nor audio features.
 */
final class TagCandidates implements CandidateSource {

    private final CatalogSnapshot catalog;
    private final ModelView view;
    private final Taste taste;
    private final TagProfile tags;
    private final int count;

    TagCandidates(CatalogSnapshot catalog, ModelView view, Taste taste, TagProfile tags, int count) {
        this.catalog = catalog;
        this.view = view;
        this.taste = taste;
        this.tags = tags;
        this.count = count;
    }

    @Override
    public void addCandidates(CandidatePool pool, IntPredicate eligible) {
        if (tags.isEmpty()) {
            return;
        }
        boolean beyondModelOnly = CandidateSource.beyondModelOnly(view, taste);
        TopN tagged = new TopN(count);
        for (int i = 0; i < catalog.size(); i++) {
            if (!beyondModelOnly || view.modelOf(i) < 0) {
                float score = tags.score(i);
                if (score > 0 && tagged.accepts(i, score) && eligible.test(i)) {
                    tagged.offer(i, score);
                }
            }
        }
        int[] best = tagged.best();
        float top = best.length == 0 ? 1 : tags.score(best[0]);
        for (int i : best) {
            pool.put(i, Evidence.TAGS, tags.score(i) / top);
        }
    }
}
