package io.spotifymate.recommender.pipeline;

/**
 * Why a track was picked, in words and, where a reason points at another track or artist, which one.
 *
 * @param type PLAYED, SEED, LIKED, MORE_LIKE_THIS, KNOWN_ARTIST, CO_OCCURRENCE, SOUND, TAG, POPULAR, MOOD, NEW_ARTIST
 *     or LIKED_ARTIST
 * @param trackId the track the reason refers to (one the user played, liked or seeded), or null
 */
public record Reason(String type, String text, String trackId) {}
