package io.spotifymate.chat.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A track a catalog search found. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FoundTrack(String trackId, String name, String artistName, Integer releaseYear) {}
