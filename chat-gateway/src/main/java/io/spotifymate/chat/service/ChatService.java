package io.spotifymate.chat.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.ChatReply.Intent;
import io.spotifymate.chat.ChatRequest;
import io.spotifymate.chat.client.RecommendationsView;
import io.spotifymate.chat.client.RecommenderClient;
import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.repository.Conversation;
import io.spotifymate.chat.repository.ConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers a chat message and keeps the conversation. Every track it names comes from the recommender's answer. */
@ApplicationScoped
public class ChatService {

    static final int TRACKS_PER_ANSWER = 5;

    static final String HELP = "I recommend music from your listening history. Try \"recommend me something\". "
            + "Moods, genres, playlists and feedback are on their way.";

    private final RecommenderClient recommender;
    private final ConversationRepository conversations;
    private final IntentDetector intents = new IntentDetector();
    private final Clock clock = Clock.systemUTC();

    public ChatService(RecommenderClient recommender, ConversationRepository conversations) {
        this.recommender = recommender;
        this.conversations = conversations;
    }

    public ChatReply answer(ChatRequest request) {
        // Look the conversation up first, so a foreign or unknown id fails before any work is done.
        UUID conversationId = QuarkusTransaction.requiringNew().call(() -> conversation(request).id);
        Intent intent = intents.detect(request.message());
        ChatReply reply = switch (intent) {
            case RECOMMEND -> recommend(conversationId, request.userId());
            case HELP -> new ChatReply(conversationId, Intent.HELP, HELP, List.of());
        };
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = conversations.findById(conversationId);
            Instant now = clock.instant();
            conversations.append(conversation, ChatMessage.Role.USER, request.message(), List.of(), now);
            conversations.append(
                    conversation,
                    ChatMessage.Role.ASSISTANT,
                    reply.reply(),
                    reply.tracks().stream().map(ChatReply.Track::trackId).toList(),
                    now);
        });
        return reply;
    }

    private Conversation conversation(ChatRequest request) {
        if (request.conversationId() == null) {
            return conversations.start(request.userId(), clock.instant());
        }
        return conversations
                .findOwned(request.conversationId(), request.userId())
                .orElseThrow(() -> new ConversationNotFoundException(request.conversationId()));
    }

    private ChatReply recommend(UUID conversationId, String userId) {
        Optional<RecommendationsView> answer = recommender.recommend(userId, TRACKS_PER_ANSWER);
        if (answer.isEmpty()) {
            return new ChatReply(
                    conversationId,
                    Intent.RECOMMEND,
                    "I can't reach the recommender right now. Please try again in a moment.",
                    List.of());
        }
        RecommendationsView view = answer.get();
        if (RecommendationsView.NO_MODEL_YET.equals(view.status())) {
            return new ChatReply(
                    conversationId,
                    Intent.RECOMMEND,
                    "I don't know enough about anyone's taste yet: no model has been trained. Import your Spotify "
                            + "history or record a few plays, and ask me again.",
                    List.of());
        }
        if (view.items().isEmpty()) {
            return new ChatReply(
                    conversationId,
                    Intent.RECOMMEND,
                    "I have nothing new for you yet: you've heard everything I know. Import more history or a catalog.",
                    List.of());
        }
        List<ChatReply.Track> tracks = view.items().stream()
                .map(item -> new ChatReply.Track(item.trackId(), item.name(), item.artistName(), item.reason()))
                .toList();
        StringBuilder text = new StringBuilder("Here are ")
                .append(tracks.size())
                .append(tracks.size() == 1 ? " track" : " tracks")
                .append(" for you:");
        for (int i = 0; i < tracks.size(); i++) {
            ChatReply.Track track = tracks.get(i);
            text.append('\n')
                    .append(i + 1)
                    .append(". ")
                    .append(track.name() == null ? "(untitled)" : track.name())
                    .append(track.artistName() == null ? "" : " by " + track.artistName())
                    .append(" [")
                    .append(track.trackId())
                    .append("]: ")
                    .append(track.reason());
        }
        return new ChatReply(conversationId, Intent.RECOMMEND, text.toString(), tracks);
    }
}
