package io.spotifymate.chat.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.ChatRequest;
import io.spotifymate.chat.client.DownstreamTime;
import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.repository.Conversation;
import io.spotifymate.chat.repository.ConversationRepository;
import io.spotifymate.chat.security.Caller;
import io.spotifymate.chat.service.ChatService;
import io.spotifymate.chat.service.ConversationNotFoundException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ChatResource {

    private final ChatService chat;
    private final ConversationRepository conversations;
    private final JsonWebToken jwt;

    public ChatResource(ChatService chat, ConversationRepository conversations, JsonWebToken jwt) {
        this.chat = chat;
        this.conversations = conversations;
        this.jwt = jwt;
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "chat",
            summary = "Send a chat message and get the assistant's answer",
            description = "For the signed-in user. Without conversationId a new conversation starts; the answer "
                    + "names it.")
    @APIResponse(
            responseCode = "200",
            description =
                    "The answer; a Server-Timing header says how long the other services (downstream) and the gateway itself took",
            content = @Content(schema = @Schema(implementation = ChatReply.class)))
    public Response chat(@Valid @NotNull ChatRequest request) {
        long started = System.nanoTime();
        DownstreamTime.reset();
        ChatReply reply = chat.answer(Caller.of(jwt), request);
        double total = (System.nanoTime() - started) / 1e6;
        double downstream = DownstreamTime.millis();
        return Response.ok(reply)
                .header(
                        "Server-Timing",
                        String.format(
                                java.util.Locale.ROOT,
                                "downstream;dur=%.2f, gateway;dur=%.2f",
                                downstream,
                                total - downstream))
                .build();
    }

    /**
     * One event of a streamed reply: {@code start} names the conversation, {@code text} carries the next checked
     * piece of the reply, {@code done} the whole reply with its track cards.
     */
    public record ChatEvent(String type, UUID conversationId, String text, ChatReply reply) {}

    @POST
    @Path("/chat/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "chatStream",
            summary = "Send a chat message and receive the answer as it is written (server-sent events)",
            description = "Events: start {conversationId}, then text {text} pieces, then done {reply}. An unknown "
                    + "or foreign conversationId is a 404 problem before the stream starts.")
    public Multi<ChatEvent> stream(@Valid @NotNull ChatRequest request) {
        Caller caller = Caller.of(jwt);
        UUID conversationId = chat.open(caller, request);
        return Multi.createFrom()
                .emitter(emitter -> Infrastructure.getDefaultWorkerPool().execute(() -> {
                    emitter.emit(new ChatEvent("start", conversationId, null, null));
                    try {
                        chat.answer(caller, conversationId, request.message(), new ChatService.ChatSink() {
                            @Override
                            public void text(String text) {
                                emitter.emit(new ChatEvent("text", conversationId, text, null));
                            }

                            @Override
                            public void done(ChatReply reply) {
                                emitter.emit(new ChatEvent("done", conversationId, null, reply));
                            }
                        });
                        emitter.complete();
                    } catch (RuntimeException e) {
                        emitter.fail(e);
                    }
                }));
    }

    /** A conversation in the list: its title is the start of its first message. */
    public record ConversationView(UUID id, String title, Instant createdAt, Instant updatedAt) {}

    @GET
    @Path("/users/{userId}/conversations")
    @Transactional
    @Operation(operationId = "listConversations", summary = "The user's conversations, latest first")
    public List<ConversationView> list(
            @PathParam("userId") String userId, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return conversations.ofUser(userId, limit).stream()
                .map(c -> new ConversationView(c.id, c.title, c.createdAt, c.updatedAt))
                .toList();
    }

    @DELETE
    @Path("/users/{userId}/conversations/{conversationId}")
    @Transactional
    @Operation(operationId = "deleteConversation", summary = "Delete one of the user's conversations with its messages")
    public Response delete(@PathParam("userId") String userId, @PathParam("conversationId") UUID conversationId) {
        Conversation conversation = conversations
                .findOwned(conversationId, userId)
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        conversations.delete(conversation);
        return Response.noContent().build();
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
