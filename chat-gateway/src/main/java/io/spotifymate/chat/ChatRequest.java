package io.spotifymate.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A chat message. {@code conversationId} continues a conversation; without it a new one starts. Whose it is comes
 * from the signed-in session only.
 */
public record ChatRequest(
        UUID conversationId, @NotBlank @Size(max = 2000) String message) {}
