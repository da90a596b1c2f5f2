package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of the recommender's answer the chat uses; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecommendationsView(
        String status, String modelVersion, List<Item> items, String message, List<String> relaxed) {

    /** The status of an answer given before any model is served: popular tracks, with a message saying so. */
    public static final String FALLBACK = "FALLBACK";

    /** One recommended track. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String trackId, String name, String artistName, String reason) {}

    public RecommendationsView {
        items = items == null ? List.of() : List.copyOf(items);
        relaxed = relaxed == null ? List.of() : List.copyOf(relaxed);
    }
}
