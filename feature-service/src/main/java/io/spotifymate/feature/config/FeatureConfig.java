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
     * A user's statistics, roll-ups and profile are recomputed, and one {@code UserFeaturesUpdated} sent, once no play
     * has come for them this long: a bulk import of a lifetime's plays is recomputed about once, not once per play.
     */
    @WithDefault("300ms")
    Duration userQuiet();

    /**
     * ... or once they have waited this long, so that a long import still shows its progress. Not much shorter: during
     * a bulk load of many listeners every one of them is recomputed this often, which competes with the intake.
     */
    @WithDefault("2m")
    Duration userMaxWait();

    /** The pause between two rounds over the waiting users. */
    @WithDefault("100ms")
    Duration roundPause();

    /** How many waiting users one round starts recomputing at most. */
    @WithDefault("200")
    int usersPerRound();

    /** How many users are recomputed at once: a heavy listener's recompute does not hold the others up. */
    @WithDefault("2")
    int recomputeThreads();

    /** How often the catalog's normalisation, imputation and embeddings are brought up to date, when it changed. */
    @WithDefault("5s")
    Duration catalogInterval();

    /**
     * How long the catalog must have been quiet (no catalog entries or artists arriving) before it is refitted: an
     * import streams hundreds of thousands of entries, and refitting over the whole catalog while they still arrive
     * would read it again every round for nothing.
     */
    @WithDefault("3s")
    Duration catalogSettle();

    /**
     * How often what tracks gained in listeners and plays since the last round is added to their stored popularity
     * (only those tracks are read and written).
     */
    @WithDefault("10s")
    Duration popularityInterval();

    /** Whether tracks get a text embedding of their metadata (in-process, no network). */
    @WithDefault("true")
    boolean embeddings();

    /**
     * Texts embedded per second at most: the model would take both cores of a small machine, and the embeddings are
     * background work that must not starve the intake of plays.
     */
    @WithDefault("250")
    int embeddingsPerSecond();
}
