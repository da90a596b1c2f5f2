package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.config.RelevanceWeights;

/**
 * Relevance: each candidate's evidence weighed by what the request is about (see {@link RelevanceWeights}), plus a
 * bonus for artists the listener liked; and which kind of evidence carried most of it, which the explanation names.
 */
final class Scorer {

    /** The kind model-service gives its popularity model, which knows nothing of seeds. */
    static final String POPULARITY_MODEL = "popularity";

    /** The candidates by track number, each one's relevance, and the evidence that weighed most in it. */
    record Scored(int[] tracks, float[] relevance, Evidence[] strongest) {}

    private final RelevanceWeights weights;

    Scorer(RelevanceWeights weights) {
        this.weights = weights;
    }

    /**
     * @param view the serving model, or null before any
     * @param sharedPlaylists whether the taste's focus (or liked tracks) share playlists with anything
     */
    Scored score(CatalogSnapshot catalog, ModelView view, Taste taste, boolean sharedPlaylists, CandidatePool pool) {
        float[] weight = weights(view, taste, sharedPlaylists);
        int[] tracks = pool.byTrack();
        float[] relevance = new float[tracks.length];
        Evidence[] strongest = new Evidence[tracks.length];
        float likedArtist = weights.likedArtist();
        for (int c = 0; c < tracks.length; c++) {
            int track = tracks[c];
            float total = 0;
            float most = -1;
            Evidence carried = Evidence.POPULARITY;
            for (Evidence kind : Evidence.ALL) {
                float part = weight[kind.ordinal()] * pool.get(track, kind);
                total += part;
                if (part > most) {
                    most = part;
                    carried = kind;
                }
            }
            if (taste.likes(catalog.artist(track))) {
                total += likedArtist;
            }
            relevance[c] = total;
            strongest[c] = carried;
        }
        return new Scored(tracks, relevance, strongest);
    }

    /** The weight of each kind of evidence for this request, by {@link Evidence} order. */
    float[] weights(ModelView view, Taste taste, boolean sharedPlaylists) {
        boolean cold = taste.isCold();
        boolean focus = taste.hasFocus();
        boolean besidePlaylists = focus && sharedPlaylists;
        boolean popularityModel =
                view != null && POPULARITY_MODEL.equals(view.model().kind());
        boolean strangers = view != null && !cold && !knowsTaste(view, taste);
        float[] weight = new float[Evidence.ALL.length];
        weight[Evidence.MODEL.ordinal()] = view == null
                ? 0
                : besidePlaylists
                        ? (popularityModel
                                ? weights.popularityModelBesideSharedPlaylists()
                                : weights.modelBesideSharedPlaylists())
                        : cold || strangers ? weights.modelForStrangers() : weights.model();
        weight[Evidence.SHARED_PLAYLISTS.ordinal()] =
                focus ? weights.playlistsWithSeeds() : weights.playlistsWithLiked();
        // Without a focus, a cold taste has no sound and no tags to go by: their weights do not matter there.
        weight[Evidence.SOUND.ordinal()] = besidePlaylists
                ? weights.soundBesideSharedPlaylists()
                : focus ? weights.soundLikeSeeds() : weights.sound();
        weight[Evidence.POPULARITY.ordinal()] = cold ? weights.popularityForNewListeners() : weights.popularity();
        weight[Evidence.TAGS.ordinal()] =
                besidePlaylists ? weights.tagsBesideSharedPlaylists() : focus ? weights.tagsOfSeeds() : weights.tags();
        return weight;
    }

    /** Whether the model has a row for the listener or knows any track of their taste. */
    private static boolean knowsTaste(ModelView view, Taste taste) {
        if (taste.userId() != null && view.model().userIndex().containsKey(taste.userId())) {
            return true;
        }
        for (Taste.Anchor anchor : taste.anchors()) {
            if (view.modelOf(anchor.track()) >= 0) {
                return true;
            }
        }
        return false;
    }
}
