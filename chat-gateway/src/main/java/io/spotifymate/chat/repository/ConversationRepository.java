package io.spotifymate.chat.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations, always looked up together with their owner so one user never reaches another's. */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    private static final int TITLE = 60;

    public Optional<Conversation> findOwned(UUID id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The user's conversations, latest first. */
    public List<Conversation> ofUser(String userId, int limit) {
        return find("userId = ?1 order by updatedAt desc", userId)
                .page(0, limit)
                .list();
    }

    public Conversation start(String userId, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.userId = userId;
        conversation.createdAt = now;
        conversation.updatedAt = now;
        persist(conversation);
        return conversation;
    }

    public List<ChatMessage> messages(UUID conversationId) {
        return ChatMessage.list("conversationId = ?1 order by id", conversationId);
    }

    public void append(
            Conversation conversation, ChatMessage.Role role, String content, List<String> trackIds, Instant now) {
        ChatMessage message = new ChatMessage();
        message.conversationId = conversation.id;
        message.role = role;
        message.content = content;
        message.trackIds = trackIds;
        message.createdAt = now;
        message.persist();
        if (conversation.title == null && role == ChatMessage.Role.USER) {
            conversation.title = content.length() <= TITLE ? content : content.substring(0, TITLE - 1) + "…";
        }
        conversation.updatedAt = now;
    }
}
