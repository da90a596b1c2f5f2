package io.spotifymate.model.ranking;

import java.util.Map;

/** A kind of model with its hyperparameters: fitted on training interactions, it scores every item for a user. */
public interface Recommender {

    /** The model kind, as the registry and the report name it (e.g. {@code ials}). */
    String kind();

    /** The hyperparameters this instance fits with, for the report and the registry. */
    Map<String, Object> hyperparameters();

    /** Fits on the interactions; the scorer ranks for their users. Deterministic for the same input. */
    Scorer fit(Interactions train);

    /**
     * The same configuration with another seed, for a final fit after tuning: a model that chose its number of
     * epochs by early stopping on the validation split trains that many.
     */
    default Recommender reseeded(long seed) {
        return this;
    }
}
