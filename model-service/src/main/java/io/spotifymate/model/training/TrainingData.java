package io.spotifymate.model.training;

import io.spotifymate.model.ranking.Interactions;
import java.util.Map;

/**
 * What a training round learns from: every listener's tracks with a strength and the time of the first play, and for
 * every track its side features (normalised audio features, which of them were imputed, text embedding).
 *
 * @param sideFeatures one row per item of {@code interactions}, all of {@link #sideDimensions} length
 * @param normalisationId the feature store's normalisation the audio features are in
 * @param normalisation that normalisation per audio feature, to be stored with the model
 */
public record TrainingData(
        Interactions interactions,
        float[][] sideFeatures,
        String normalisationId,
        Map<String, Map<String, Object>> normalisation) {

    public int sideDimensions() {
        return sideFeatures.length == 0 ? 0 : sideFeatures[0].length;
    }
}
