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

    public Optional<Conversation> findOwned(UUID id, String userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
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
        conversation.updatedAt = now;
    }
}
