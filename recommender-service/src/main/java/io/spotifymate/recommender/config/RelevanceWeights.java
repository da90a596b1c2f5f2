package io.spotifymate.recommender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much each kind of evidence counts towards a candidate's relevance. Every source's evidence is on a 0..1 scale
 * first, so the weights compare directly. They differ by what a request is about: a listener's taste, a request that
 * points somewhere (seeds, "more like this"), or seeds that share playlists with other tracks — then people putting
 * tracks together is the stronger evidence, and the model's neighbours and sound order the rest and reach tracks in
 * no playlist. Every key can be set by a {@code SPOTIFYMATE_RECOMMENDER_WEIGHTS_*} variable.
 */
@ConfigMapping(prefix = "spotifymate.recommender.weights")
public interface RelevanceWeights {

    /** The model's score, for a listener whose taste it knows. */
    @WithDefault("1")
    float model();

    /**
     * The model's score for a listener with no history, or one whose history it knows nothing of (outside every
     * corpus): it would answer what it answers anyone.
     */
    @WithDefault("0.3")
    float modelForStrangers();

    /** The model's score when the seeds share playlists with other tracks. */
    @WithDefault("0.5")
    float modelBesideSharedPlaylists();

    /**
     * A popularity model's score when the seeds share playlists with other tracks: it knows nothing of the seeds, so
     * it only breaks ties.
     */
    @WithDefault("0.1")
    float popularityModelBesideSharedPlaylists();

    /** Sharing playlists with the request's seeds or "more like this" tracks. */
    @WithDefault("1")
    float playlistsWithSeeds();

    /** Sharing playlists with tracks the listener liked, when nothing was asked for. */
    @WithDefault("0.5")
    float playlistsWithLiked();

    /** Sounding like the listener's taste. */
    @WithDefault("0.3")
    float sound();

    /** Sounding like the seeds. */
    @WithDefault("0.8")
    float soundLikeSeeds();

    /** Sounding like seeds that share playlists with other tracks. */
    @WithDefault("0.4")
    float soundBesideSharedPlaylists();

    /** Popularity here, for a listener with a taste: little more than a tie-breaker. */
    @WithDefault("0.05")
    float popularity();

    /** Popularity here when nothing stands for the listener's taste (no history, likes or seeds): all there is. */
    @WithDefault("1")
    float popularityForNewListeners();

    /** Sharing tags with the artists of the listener's taste. */
    @WithDefault("0.25")
    float tags();

    /** Sharing tags with the seeds' artists. */
    @WithDefault("0.4")
    float tagsOfSeeds();

    /** Sharing tags with the artists of seeds that share playlists with other tracks. */
    @WithDefault("0.2")
    float tagsBesideSharedPlaylists();

    /** Added to the relevance of every track by an artist the listener liked. */
    @WithDefault("0.15")
    float likedArtist();
}
