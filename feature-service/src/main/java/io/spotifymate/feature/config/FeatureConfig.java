package io.spotifymate.feature.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the feature computations. */
@ConfigMapping(prefix = "spotifymate.features")
public interface FeatureConfig {

    /**
     * Half-life of the recency-decayed affinity: a play this old counts half as much as one today. It is folded into
     * the stored values, so changing it needs a rebuild ({@code POST /api/admin/rebuild}).
     */
    @WithDefault("90d")
    Duration affinityHalfLife();

    /**
     * How long a user's plays gather before their profile, artist and month roll-ups are recomputed and one
     * {@code UserFeaturesUpdated} is sent: a bulk import of a lifetime's plays gives a handful of updates, not one per
     * play.
     */
    @WithDefault("500ms")
    Duration userDebounce();

    /** How many waiting users one debounce round recomputes at most. */
    @WithDefault("200")
    int usersPerRound();

    /** How often the catalog's normalisation, imputation and embeddings are brought up to date, when it changed. */
    @WithDefault("5s")
    Duration catalogInterval();

    /** How often per-track popularity (listeners, plays) is recounted over the whole store, when plays came in. */
    @WithDefault("60s")
    Duration popularityInterval();

    /** Whether tracks get a text embedding of their metadata (in-process, no network). */
    @WithDefault("true")
    boolean embeddings();
}
