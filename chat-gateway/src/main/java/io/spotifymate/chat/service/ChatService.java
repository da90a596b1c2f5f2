package io.spotifymate.chat.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.ChatRequest;
import io.spotifymate.chat.llm.LlmEngine;
import io.spotifymate.chat.llm.LlmUnavailableException;
import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.repository.Conversation;
import io.spotifymate.chat.repository.ConversationRepository;
import io.spotifymate.chat.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One chat turn: finds or starts the user's conversation, lets the language model answer when one is configured and
 * the offline engine otherwise (or when the model is unavailable), streams the reply to a {@link ChatSink} as it is
 * written, and keeps both messages.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    /** Receives a reply while it is being written. */
    public interface ChatSink {

        ChatSink NONE = new ChatSink() {};

        /** A checked piece of the reply, usually a whole line with its newline. */
        default void text(String text) {}

        /** The finished reply, as it is kept. */
        default void done(ChatReply reply) {}
    }

    private final OfflineEngine offline;
    private final LlmEngine llm;
    private final ConversationRepository conversations;
    private final Clock clock = Clock.systemUTC();

    public ChatService(OfflineEngine offline, LlmEngine llm, ConversationRepository conversations) {
        this.offline = offline;
        this.llm = llm;
        this.conversations = conversations;
    }

    /**
     * The conversation the message belongs to: the given one if it is the caller's, else a new one.
     *
     * @throws ConversationNotFoundException for an id that is not one of the caller's conversations
     */
    public UUID open(Caller caller, ChatRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (request.conversationId() == null) {
                return conversations.start(caller.userId(), clock.instant()).id;
            }
            return conversations
                    .findOwned(request.conversationId(), caller.userId())
                    .orElseThrow(() -> new ConversationNotFoundException(request.conversationId()))
                    .id;
        });
    }

    public ChatReply answer(Caller caller, ChatRequest request) {
        return answer(caller, open(caller, request), request.message(), ChatSink.NONE);
    }

    /** Answers in a conversation {@link #open} returned, streaming to the sink. */
    public ChatReply answer(Caller caller, UUID conversationId, String message, ChatSink sink) {
        List<ChatMessage> earlier =
                QuarkusTransaction.requiringNew().call(() -> conversations.messages(conversationId));
        ChatReply reply = null;
        String notice = null;
        if (llm.enabled()) {
            try {
                reply = llm.answer(caller, conversationId, earlier, message, sink::text);
            } catch (LlmUnavailableException e) {
                // The provider's own words (hosts, key fragments) go to the log, not to the person.
                LOG.warnf("Language model unavailable for %s: %s", caller.userId(), e.getMessage());
                notice = "The language model did not answer in time or failed, so I answered offline.";
            }
        }
        if (reply == null) {
            reply = offline.answer(caller, conversationId, earlier, message);
            if (notice != null) {
                reply = reply.withNotice(notice);
            }
            for (String line : reply.reply().split("(?<=\n)")) {
                sink.text(line);
            }
        }
        keep(conversationId, message, reply);
        sink.done(reply);
        return reply;
    }

    private void keep(UUID conversationId, String message, ChatReply reply) {
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = conversations.findById(conversationId);
            Instant now = clock.instant();
            conversations.append(conversation, ChatMessage.Role.USER, message, List.of(), now);
            conversations.append(
                    conversation,
                    ChatMessage.Role.ASSISTANT,
                    reply.reply(),
                    reply.tracks().stream().map(ChatReply.Track::trackId).toList(),
                    now);
        });
    }
}
