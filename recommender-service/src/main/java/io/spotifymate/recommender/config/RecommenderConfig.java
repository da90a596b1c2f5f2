package io.spotifymate.recommender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How recommendations are made; every key can be set by a {@code SPOTIFYMATE_RECOMMENDER_*} variable. */
@ConfigMapping(prefix = "spotifymate.recommender")
public interface RecommenderConfig {

    /**
     * How long a user's history read from the feature store is reused. It is dropped at once when the feature-service
     * announces a change for the user, so this only bounds how stale it can be if that announcement is missed.
     */
    @WithDefault("2m")
    Duration historyCache();

    @WithDefault("20000")
    long historyCacheSize();

    /** How long feedback given here is kept in memory; the feature store has it long before. */
    @WithDefault("15m")
    Duration overlayRetention();

    /** At most this many tracks of one artist in an answer, unless a request asks otherwise. */
    @WithDefault("2")
    int maxPerArtist();

    /** MMR's trade-off: 1 ranks by relevance alone, 0 by novelty against what is already picked alone. */
    @WithDefault("0.75")
    double diversityLambda();

    /** How many of the model's best tracks enter the candidate pool. */
    @WithDefault("300")
    int modelCandidates();

    /** How many tracks enter from each of co-occurrence, sound similarity and popularity. */
    @WithDefault("100")
    int otherCandidates();

    /** How long a skipped track stays out of recommendations. */
    @WithDefault("30d")
    Duration skipMemory();

    /** The most played tracks, by affinity, that stand for a user's taste. */
    @WithDefault("300")
    int tasteTracks();
}
