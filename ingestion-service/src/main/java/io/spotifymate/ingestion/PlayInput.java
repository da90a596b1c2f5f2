package io.spotifymate.ingestion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One play as a client posts it. The track is named by {@code trackId} (a Spotify id) when the client knows it; name
 * and artist are always required so every play stays readable without a catalog.
 */
public record PlayInput(
        @NotBlank @Size(max = 128) String userId,
        @Size(max = 64) String trackId,
        @NotBlank @Size(max = 512) String trackName,
        @NotBlank @Size(max = 512) String artistName,
        @Size(max = 512) String albumName,
        @NotNull Instant playedAt,
        @NotNull @PositiveOrZero Long msPlayed) {}
