package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Tracks that sound like the seeds or the listener's taste: the cosine of their normalised audio features with the
 * taste's. Sound reaches what the model cannot — tracks it does not know yet. Its evidence is on a fixed scale (a
 * cosine), kept as it is, not stretched to 0..1.
 */
final class SoundCandidates implements CandidateSource {

    private static final int ANCHORS_FOR_CENTROID = 50;

    private final CatalogSnapshot catalog;
    private final ModelView view;
    private final Taste taste;
    private final int count;

    SoundCandidates(CatalogSnapshot catalog, ModelView view, Taste taste, int count) {
        this.catalog = catalog;
        this.view = view;
        this.taste = taste;
        this.count = count;
    }

    @Override
    public void addCandidates(CandidatePool pool, IntPredicate eligible) {
        float[] centroid = centroid(catalog, taste);
        float centroidNorm = VectorIndex.length(centroid);
        if (centroidNorm <= 0) {
            return;
        }
        boolean beyondModelOnly = CandidateSource.beyondModelOnly(view, taste);
        TopN near = new TopN(count);
        for (int i = 0; i < catalog.size(); i++) {
            if (!beyondModelOnly || view.modelOf(i) < 0) {
                float sound = Math.max(0, catalog.similarity(i, centroid, centroidNorm));
                if (near.accepts(i, sound) && eligible.test(i)) {
                    near.offer(i, sound);
                }
            }
        }
        for (int i : near.best()) {
            pool.put(i, Evidence.SOUND, Math.max(0, catalog.similarity(i, centroid, centroidNorm)));
        }
    }

    /** The weighted mean of the focus's unit feature vectors, else of the strongest anchors'. */
    static float[] centroid(CatalogSnapshot catalog, Taste taste) {
        float[] c = new float[AudioColumns.SIZE];
        List<Taste.Anchor> from = taste.hasFocus() ? taste.focus() : taste.anchors();
        from.stream()
                .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
                .limit(ANCHORS_FOR_CENTROID)
                .forEach(a -> catalog.addUnitVector(a.track(), a.weight(), c));
        return c;
    }
}
