package io.spotifymate.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of training rounds. The model settings default to what the comparison on Last.fm HetRec chose on its
 * validation split ({@code ./spotifymate compare}); an installation with other data can set its own.
 */
@ConfigMapping(prefix = "spotifymate.models")
public interface ModelConfig {

    /** A round starts once this many users' features changed since the last one ... */
    @WithDefault("20")
    int retrainAfterUpdates();

    /** ... or at this interval when any changed at all. */
    @WithDefault("1h")
    Duration retrainEvery();

    /** Seed of the split and of every model of a round. */
    @WithDefault("1")
    long seed();

    /** Share of the interactions held out to judge the round's models (by time where plays have times). */
    @WithDefault("0.2")
    double heldOut();

    /**
     * EASE solves a users × users system (four such matrices of doubles at its peak: 4,000 users take about 0.5 GB):
     * above this many users it is left out of a round.
     */
    @WithDefault("4000")
    int easeMaxUsers();

    /** EASE as served keeps each item's strongest weights, this many. */
    @WithDefault("200")
    int easeKeptPerItem();

    @WithDefault("100")
    double easeLambda();

    @WithDefault("200")
    int knnNeighbours();

    @WithDefault("10")
    double knnShrink();

    @WithDefault("128")
    int ialsFactors();

    @WithDefault("16")
    double ialsAlpha();

    @WithDefault("200")
    double ialsLambda();

    @WithDefault("12")
    int ialsEpochs();

    /** Whether rounds train the preference network at all. */
    @WithDefault("true")
    boolean network();

    @WithDefault("64")
    int networkDimensions();

    @WithDefault("0.005")
    double networkLearningRate();

    @WithDefault("1e-5")
    double networkL2();

    /** The most epochs; early stopping on a validation split inside the training data picks fewer. */
    @WithDefault("30")
    int networkMaxEpochs();

    /** Wall-clock budget of one network training. */
    @WithDefault("120s")
    Duration networkTimeBudget();
}
