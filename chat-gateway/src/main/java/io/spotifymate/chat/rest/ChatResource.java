package io.spotifymate.chat.rest;

import io.smallrye.common.annotation.Blocking;
import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.ChatRequest;
import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.repository.ConversationRepository;
import io.spotifymate.chat.service.ChatService;
import io.spotifymate.chat.service.ConversationNotFoundException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    private final ChatService chat;
    private final ConversationRepository conversations;

    public ChatResource(ChatService chat, ConversationRepository conversations) {
        this.chat = chat;
        this.conversations = conversations;
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chat", summary = "Send a chat message and get the assistant's answer")
    public ChatReply chat(@Valid @NotNull ChatRequest request) {
        return chat.answer(request);
    }

    /** One message of a conversation as the API shows it. */
    public record MessageView(ChatMessage.Role role, String content, List<String> trackIds, Instant createdAt) {}

    @GET
    @Path("/users/{userId}/conversations/{conversationId}/messages")
    @Transactional
    @Operation(operationId = "conversationMessages", summary = "The messages of one of the user's conversations")
    public List<MessageView> messages(
            @PathParam("userId") String userId, @PathParam("conversationId") UUID conversationId) {
        conversations
                .findOwned(conversationId, userId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        return conversations.messages(conversationId).stream()
                .map(m -> new MessageView(m.role, m.content, m.trackIds, m.createdAt))
                .toList();
    }
}
