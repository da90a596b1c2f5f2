package io.spotifymate.chat.client;

import io.spotifymate.chat.understanding.Understanding;

/**
 * What the chat asks the recommender for, the same whether the offline engine understood a message or a language
 * model called the {@code recommend} tool: how many tracks and the optional filters, blank ones left out.
 */
public record RecommendationRequest(
        int k,
        String mood,
        String genre,
        String era,
        String energy,
        String tempo,
        String familiarity,
        String likeArtist) {

    public RecommendationRequest {
        mood = Wishes.orNull(mood);
        genre = Wishes.orNull(genre);
        era = Wishes.orNull(era);
        energy = Wishes.orNull(energy);
        tempo = Wishes.orNull(tempo);
        familiarity = Wishes.orNull(familiarity);
        likeArtist = Wishes.orNull(likeArtist);
    }

    /** The filters a message was understood to ask for. */
    public static RecommendationRequest of(Understanding understood, int k) {
        return new RecommendationRequest(
                k,
                understood.slot("mood"),
                understood.slot("genre"),
                understood.slot("era"),
                understood.slot("energy"),
                understood.slot("tempo"),
                understood.slot("familiarity"),
                understood.slot("artist"));
    }
}
