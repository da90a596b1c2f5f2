package io.spotifymate.ingestion;

import io.spotifymate.events.FeedbackGiven;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Feedback on a track or an artist.
 *
 * @param targetId a track id ({@code spotify:track:...} or {@code local:track:...}) or an artist name or id
 * @param at when the user gave it; a client that retries should send the same value, so the retry is recognised.
 *     Defaults to now.
 */
public record FeedbackInput(
        @NotBlank @Size(max = 128) String userId,
        @NotNull FeedbackGiven.Kind kind,
        @NotNull FeedbackGiven.Target target,
        @NotBlank @Size(max = 512) String targetId,
        Instant at) {}
