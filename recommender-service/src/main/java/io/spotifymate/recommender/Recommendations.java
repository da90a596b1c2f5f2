package io.spotifymate.recommender;

import io.spotifymate.recommender.pipeline.Reason;
import java.util.List;

/**
 * What a user is recommended. {@code status} is {@code OK} when a model scored the tracks, or {@code FALLBACK} before
 * any model was published: then the tracks are the most popular ones here that fit the request, and {@code message}
 * says so.
 *
 * @param requestId the id under which this answer was recorded (the RecommendationsServed event)
 * @param relaxed the constraints let go because no track fitted them all, in the order they were ("the era
 *     (1960–1969)"); empty when every constraint held. {@code message} says it in a sentence.
 */
public record Recommendations(
        String userId,
        String requestId,
        Status status,
        String modelVersion,
        String modelKind,
        List<Item> items,
        String message,
        List<String> relaxed) {

    /** Whether a model answered. */
    public enum Status {
        OK,
        FALLBACK
    }

    /**
     * One recommended track, why it was picked ({@code reason} in one sentence, {@code reasons} one by one) and the
     * candidate source most of its score came from.
     *
     * @param energy the track's energy (0..1) where its audio features are known
     * @param tempo beats per minute where known
     */
    public record Item(
            String trackId,
            String name,
            String artistName,
            Integer releaseYear,
            Integer durationMs,
            Double energy,
            Double tempo,
            double score,
            String source,
            String reason,
            List<Reason> reasons) {}
}
