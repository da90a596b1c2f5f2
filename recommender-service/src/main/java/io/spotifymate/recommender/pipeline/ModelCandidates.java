package io.spotifymate.recommender.pipeline;

import io.spotifymate.events.artifact.ModelArtifact;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The served model's best tracks — a vector search over the item vectors, the item neighbours of the taste's tracks,
 * or popularity, whatever the model is — and, once every source has added its candidates, the model's view of each
 * of them, not only of its own: its score scaled to 0..1 over the pool.
 */
final class ModelCandidates implements CandidateSource {

    private final ModelView view;
    private final Taste taste;
    private final Scratch scratch;
    private final int count;
    /** The model's score of each catalog track, NaN where it has given none (yet). */
    private final float[] scores;
    /** The listener's point in the model's space (factor models), else null. */
    private float[] user;
    /** For item neighbours, per catalog track, the anchor behind most of its score, or -1; else empty. */
    private int[] because = new int[0];

    /** @param view the serving model in the numbering of the request's catalog */
    ModelCandidates(ModelView view, Taste taste, Scratch scratch, int count) {
        this.view = view;
        this.taste = taste;
        this.scratch = scratch;
        this.count = count;
        this.scores = scratch.modelScores;
    }

    @Override
    public void addCandidates(CandidatePool pool, IntPredicate eligible) {
        TopN best = new TopN(count);
        if (view.factors()) {
            user = userVector(view, taste, view.model().artifact().metadata().dimensions());
            search(best, eligible);
        } else {
            because = scoreModel(view, taste, scores);
            for (int i = 0; i < scores.length; i++) {
                float score = scores[i];
                if (!Float.isNaN(score) && best.accepts(i, score) && eligible.test(i)) {
                    best.offer(i, score);
                }
            }
        }
        // Its evidence is given by rateEveryCandidate, on the scale of the whole pool.
        for (int track : best.best()) {
            pool.add(track);
        }
    }

    /**
     * The model's evidence for every candidate, whichever source found it: its score (computed now for a candidate
     * the vector search did not reach) scaled to 0..1 over the candidates the model knows; 0 for the others.
     */
    void rateEveryCandidate(CandidatePool pool) {
        if (user != null) {
            for (int slot = 0; slot < pool.size(); slot++) {
                int track = pool.track(slot);
                int m = view.modelOf(track);
                if (Float.isNaN(scores[track]) && m >= 0) {
                    scores[track] = view.score(user, m);
                }
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int slot = 0; slot < pool.size(); slot++) {
            float s = scores[pool.track(slot)];
            if (!Float.isNaN(s)) {
                max = Math.max(max, s);
                min = Math.min(min, s);
            }
        }
        for (int slot = 0; slot < pool.size(); slot++) {
            int track = pool.track(slot);
            float s = scores[track];
            pool.put(track, Evidence.MODEL, Float.isNaN(s) ? 0 : max == min ? 1 : (s - min) / (max - min));
        }
    }

    /** For item neighbours, per catalog track, the anchor behind most of its score, or -1; else empty. */
    int[] because() {
        return because;
    }

    /**
     * Vector search for a factor model: the index's clusters best first, until at least {@link VectorIndex#minScan}
     * items were scanned and the request's filters let {@code count} through, or until every cluster was scanned, so
     * a strict filter still finds its tracks. The scores it gives are exact.
     */
    private void search(TopN best, IntPredicate eligible) {
        VectorIndex index = view.model().vectors();
        VectorIndex.Search search = index.search(user);
        float[] out = scratch.modelSpace(index.size());
        int enough = VectorIndex.minScan(index.size());
        int passing = 0;
        while (search.hasNext() && (search.scanned() < enough || passing < count)) {
            int[] range = search.scanNext(out);
            for (int p = range[0]; p < range[1]; p++) {
                int c = view.catalogOf(index.item(p));
                if (c < 0) {
                    continue;
                }
                float score = out[p];
                scores[c] = score;
                if (eligible.test(c)) {
                    passing++;
                    if (best.accepts(c, score)) {
                        best.offer(c, score);
                    }
                }
            }
        }
    }

    /**
     * Fills the model's score for every catalog track it knows (item neighbours, popularity); for item neighbours also
     * returns, per catalog track, the anchor behind most of its score (or -1).
     */
    static int[] scoreModel(ModelView view, Taste taste, float[] scores) {
        ModelArtifact artifact = view.model().artifact();
        int items = view.modelItems();
        switch (view.representation()) {
            case ModelArtifact.ITEM_NEIGHBOURS -> {
                ModelArtifact.Neighbours nb = artifact.neighbours();
                int[] because = new int[scores.length];
                Arrays.fill(because, -1);
                float[] strongest = new float[scores.length];
                boolean any = false;
                for (Taste.Anchor anchor : taste.anchors()) {
                    int from = view.modelOf(anchor.track());
                    if (from < 0) {
                        continue;
                    }
                    any = true;
                    for (int p = nb.start()[from]; p < nb.start()[from + 1]; p++) {
                        int to = view.catalogOf(nb.items()[p]);
                        if (to < 0) {
                            continue;
                        }
                        float part = anchor.weight() * nb.weights()[p];
                        scores[to] = (Float.isNaN(scores[to]) ? 0 : scores[to]) + part;
                        if (part > strongest[to]) {
                            strongest[to] = part;
                            because[to] = anchor.track();
                        }
                    }
                }
                if (!any) {
                    // Nothing to start from: the most connected tracks, a popularity of sorts.
                    for (int from = 0; from < items; from++) {
                        for (int p = nb.start()[from]; p < nb.start()[from + 1]; p++) {
                            int to = view.catalogOf(nb.items()[p]);
                            if (to >= 0) {
                                scores[to] = (Float.isNaN(scores[to]) ? 0 : scores[to]) + nb.weights()[p];
                            }
                        }
                    }
                }
                return because;
            }
            default -> {
                float[] itemScores = artifact.itemScores();
                for (int i = 0; i < items; i++) {
                    int c = view.catalogOf(i);
                    if (c >= 0) {
                        scores[c] = itemScores[i];
                    }
                }
                return new int[0];
            }
        }
    }

    /**
     * The user's point in the model's space: their trained vector when the model knows them and nothing was asked
     * for, else blended with the weighted mean of the anchors' vectors (each side scaled to unit length), so a
     * "more like this" said a second ago or a request's seeds move it at once; a listener the model never saw sits at
     * their anchors, and one with none at the mean of all tracks.
     */
    static float[] userVector(ModelView view, Taste taste, int d) {
        ModelArtifact artifact = view.model().artifact();
        float[] items = artifact.itemVectors();
        float[] anchors = new float[d];
        float weight = 0;
        for (Taste.Anchor a : taste.anchors()) {
            int m = view.modelOf(a.track());
            float norm = m < 0 ? 0 : view.model().vectors().norm(m);
            if (norm == 0) {
                continue;
            }
            float scale = a.weight() / norm;
            for (int f = 0; f < d; f++) {
                anchors[f] += scale * items[m * d + f];
            }
            weight += a.weight();
        }
        Integer row = taste.userId() == null ? null : view.model().userIndex().get(taste.userId());
        float[] user = new float[d];
        if (row != null && !taste.hasFocus()) {
            System.arraycopy(artifact.userVectors(), row * d, user, 0, d);
            if (weight > 0 && hasNonPlayed(taste)) {
                blend(user, anchors, 1f);
            }
            return user;
        }
        if (row != null) {
            System.arraycopy(artifact.userVectors(), row * d, user, 0, d);
            blend(user, anchors, 2f);
            return user;
        }
        if (weight > 0) {
            return anchors;
        }
        int count = items.length / Math.max(d, 1);
        for (int i = 0; i < count; i++) {
            for (int f = 0; f < d; f++) {
                user[f] += items[i * d + f] / count;
            }
        }
        return user;
    }

    private static boolean hasNonPlayed(Taste taste) {
        return taste.anchors().stream().anyMatch(a -> a.why() != Taste.Why.PLAYED);
    }

    /** user ← unit(user) + share × unit(other), both of length one before they are added. */
    private static void blend(float[] user, float[] other, float share) {
        float nu = VectorIndex.length(user);
        float no = VectorIndex.length(other);
        if (no == 0) {
            return;
        }
        for (int f = 0; f < user.length; f++) {
            user[f] = (nu == 0 ? 0 : user[f] / nu) + share * other[f] / no;
        }
    }
}
