package io.spotifymate.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A chat message. {@code conversationId} continues a conversation; without it a new one starts. The user id is taken
 * from the request for now; once accounts exist it comes from the signed-in session only.
 */
public record ChatRequest(
        @NotBlank @Size(max = 128) String userId,
        UUID conversationId,
        @NotBlank @Size(max = 2000) String message) {}
