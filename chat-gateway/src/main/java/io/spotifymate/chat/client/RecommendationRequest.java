package io.spotifymate.chat.client;

import io.spotifymate.chat.understanding.Understanding;

/**
 * What the chat asks the recommender for, the same whether the offline engine understood a message or a language
 * model called the {@code recommend} tool: how many tracks, what they should be like, and an artist to be like.
 */
public record RecommendationRequest(int k, TrackWishes wishes, String likeArtist) {

    public RecommendationRequest {
        wishes = wishes == null ? TrackWishes.NONE : wishes;
        likeArtist = TrackWishes.orNull(likeArtist);
    }

    /** What a message was understood to ask for. */
    public static RecommendationRequest of(Understanding understood, int k) {
        return new RecommendationRequest(k, TrackWishes.of(understood), understood.slot("artist"));
    }
}
