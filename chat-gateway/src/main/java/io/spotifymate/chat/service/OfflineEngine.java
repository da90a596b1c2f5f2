package io.spotifymate.chat.service;

import io.spotifymate.chat.ChatReply;
import io.spotifymate.chat.client.FeatureClient;
import io.spotifymate.chat.client.InsightsView;
import io.spotifymate.chat.client.PlaylistRequest;
import io.spotifymate.chat.client.PlaylistView;
import io.spotifymate.chat.client.RecommendationRequest;
import io.spotifymate.chat.client.RecommendationsView;
import io.spotifymate.chat.client.RecommenderClient;
import io.spotifymate.chat.repository.ChatMessage;
import io.spotifymate.chat.security.Caller;
import io.spotifymate.chat.understanding.Understander;
import io.spotifymate.chat.understanding.Understanding;
import io.spotifymate.chat.understanding.Understanding.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The offline engine, the default with no LLM configured and the fallback when one fails: the message is understood
 * ({@link Understander}: rules, then the MiniLM model for moods), the recommender is asked with what was understood, and every track the reply names comes
 * from the recommender's answer, with its catalog id. Refinements ("less upbeat") change the last request; feedback on
 * "the second one" refers to the last answer's tracks.
 */
@ApplicationScoped
public class OfflineEngine {

    static final int TRACKS_PER_ANSWER = 5;

    static final String HELP = "I recommend music from your listening history. Try \"recommend me something\", "
            + "\"calm jazz from the 60s\", \"songs like Radiohead\", \"make a 40 minute running playlist that "
            + "builds up\", then \"less upbeat\", \"more like the second one\" or \"no more Drake\".";

    private static final String UNREACHABLE = "I can't reach the recommender right now. Please try again in a moment.";

    private final RecommenderClient recommender;
    private final FeatureClient features;
    private final Understander understander;

    public OfflineEngine(RecommenderClient recommender, FeatureClient features, Understander understander) {
        this.recommender = recommender;
        this.features = features;
        this.understander = understander;
    }

    /** Answers one message of the conversation, given its earlier messages. */
    public ChatReply answer(Caller caller, UUID conversationId, List<ChatMessage> earlier, String message) {
        ConversationContext context = new ConversationContext(earlier, understander::understand);
        Understanding understood = understander.understand(message);
        return switch (understood.intent()) {
            case RECOMMEND -> recommend(conversationId, caller, understood, Intent.RECOMMEND, "");
            case REFINE -> recommend(conversationId, caller, context.refine(understood), Intent.REFINE, "");
            case FEEDBACK -> feedback(conversationId, caller, understood, context);
            case PLAYLIST -> playlist(conversationId, caller, understood);
            case CONTINUE -> continueFrom(conversationId, caller, context);
            case EXPLAIN -> explain(conversationId, understood, context);
            case INSIGHTS -> insights(conversationId, caller, understood);
            case IMPORT ->
                new ChatReply(
                        conversationId,
                        Intent.IMPORT,
                        "Upload your Spotify export (the zip from Spotify's privacy page, basic or extended, or a "
                                + "ListenBrainz export) on the Import page, where a bar shows its progress; or "
                                + "press Connect Spotify there. Over the API: POST /api/users/" + caller.userId()
                                + "/imports with the file.",
                        List.of());
            case HELP -> new ChatReply(conversationId, Intent.HELP, HELP, List.of());
        };
    }

    private ChatReply recommend(
            UUID conversationId, Caller caller, Understanding understood, Intent intent, String lead) {
        int k = understood.slot("k") == null
                ? TRACKS_PER_ANSWER
                : Math.max(1, Math.min(20, Integer.parseInt(understood.slot("k"))));
        Optional<RecommendationsView> answer = recommender.recommend(caller, RecommendationRequest.of(understood, k));
        if (answer.isEmpty()) {
            return new ChatReply(conversationId, intent, lead + UNREACHABLE, List.of());
        }
        RecommendationsView view = answer.get();
        if (view.items().isEmpty()) {
            String why = view.message() != null ? view.message() : "you've heard everything I know.";
            return new ChatReply(conversationId, intent, lead + "I found nothing for that: " + why, List.of());
        }
        List<ChatReply.Track> tracks = tracksOf(view);
        String what = describe(understood);
        StringBuilder text = new StringBuilder(lead);
        if (!view.relaxed().isEmpty()) {
            // Nothing fitted every wish: say which was let go before the tracks that fit the rest.
            text.append("Nothing here fits all of that, so I left out ")
                    .append(String.join(" and ", view.relaxed()))
                    .append(". ");
            what = "";
        }
        text.append("Here ")
                .append(tracks.size() == 1 ? "is " : "are ")
                .append(tracks.size())
                .append(what.isEmpty() ? "" : " " + what)
                .append(tracks.size() == 1 ? " track" : " tracks")
                .append(" for you:");
        list(text, tracks);
        ChatReply reply = new ChatReply(conversationId, intent, text.toString(), tracks);
        // Before a model is trained the recommender answers with popular tracks and says so.
        return RecommendationsView.FALLBACK.equals(view.status()) && view.message() != null
                ? reply.withNotice(view.message())
                : reply;
    }

    private static List<ChatReply.Track> tracksOf(RecommendationsView view) {
        return view.items().stream()
                .map(item -> new ChatReply.Track(item.trackId(), item.name(), item.artistName(), item.reason()))
                .toList();
    }

    private static void list(StringBuilder text, List<ChatReply.Track> tracks) {
        for (int i = 0; i < tracks.size(); i++) {
            ChatReply.Track track = tracks.get(i);
            text.append('\n')
                    .append(i + 1)
                    .append(". ")
                    .append(track.name() == null ? "(untitled)" : track.name())
                    .append(track.artistName() == null ? "" : " by " + track.artistName())
                    .append(" [")
                    .append(track.trackId())
                    .append("]")
                    .append(track.reason() == null || track.reason().isBlank() ? "" : ": " + track.reason());
        }
    }

    /** "calm jazz 1960s" in words for the reply. */
    private static String describe(Understanding u) {
        List<String> words = new ArrayList<>();
        if (u.slot("mood") != null) {
            words.add(u.slot("mood"));
        }
        if (u.slot("energy") != null) {
            words.add(u.slot("energy") + "-energy");
        }
        if (u.slot("tempo") != null) {
            words.add(u.slot("tempo").matches("\\d+") ? u.slot("tempo") + " BPM" : u.slot("tempo"));
        }
        if (u.slot("genre") != null) {
            words.add(u.slot("genre"));
        }
        if (u.slot("era") != null) {
            words.add(u.slot("era"));
        }
        if (u.slot("familiarity") != null) {
            words.add(u.slot("familiarity").equals("hard") ? "new-to-you" : "familiar");
        }
        String text = String.join(" ", words);
        if (u.slot("artist") != null) {
            text = (text.isEmpty() ? "" : text + " ") + "(like " + u.slot("artist") + ")";
        }
        return text;
    }

    private ChatReply feedback(UUID conversationId, Caller caller, Understanding u, ConversationContext context) {
        String kind = switch (u.slot("feedback")) {
            case "ban" -> "BAN";
            case "dislike" -> "DISLIKE";
            case "skip" -> "SKIP";
            case "like" -> "LIKE";
            default -> "MORE_LIKE_THIS";
        };
        String target;
        String targetId;
        String named;
        if ("artist".equals(u.slot("target"))) {
            target = "ARTIST";
            targetId = u.slot("artist");
            named = u.slot("artist");
        } else {
            Optional<String> track = context.referenced(u);
            if (track.isEmpty()) {
                return new ChatReply(
                        conversationId,
                        Intent.FEEDBACK,
                        "Which one do you mean? Ask me for some music first, then tell me about \"the second one\".",
                        List.of());
            }
            target = "TRACK";
            targetId = track.get();
            named = "that track [" + targetId + "]";
        }
        if (!recommender.feedback(caller, kind, target, targetId)) {
            return new ChatReply(conversationId, Intent.FEEDBACK, UNREACHABLE, List.of());
        }
        String lead = switch (kind) {
            case "BAN" -> "Got it: no more " + named + ". ";
            case "DISLIKE" -> "Noted, you don't like " + named + ". ";
            case "SKIP" -> "Skipping " + named + ". ";
            case "LIKE" -> "Glad you like " + named + ". ";
            default -> "More like " + named + ". ";
        };
        Understanding again = context.refine(Understanding.of(Understanding.Intent.RECOMMEND, Map.of()));
        return recommend(conversationId, caller, again, Intent.FEEDBACK, lead);
    }

    /** The listening insights in words, for the period asked ("this year", "last month") or all time. */
    private ChatReply insights(UUID conversationId, Caller caller, Understanding u) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = u.slot("period");
        LocalDate from = "year".equals(period)
                ? today.withDayOfYear(1)
                : "month".equals(period) ? today.withDayOfMonth(1) : null;
        String since = from == null ? "over all your plays" : "since " + from;
        Optional<InsightsView> insights = features.insights(caller, from == null ? null : from.toString());
        String text = insights.map(i -> i.summary(since))
                .orElse("I can't reach your listening statistics right now; the Insights page shows them as charts.");
        List<ChatReply.Track> tracks = insights.flatMap(
                        i -> i.topTracks().stream().findFirst())
                .map(t -> List.of(new ChatReply.Track(t.trackId(), t.name(), t.artistName(), "Your most played")))
                .orElse(List.of());
        return new ChatReply(conversationId, Intent.INSIGHTS, text, tracks);
    }

    private ChatReply playlist(UUID conversationId, Caller caller, Understanding u) {
        Optional<PlaylistView> made = recommender.createPlaylist(caller, PlaylistRequest.of(u));
        if (made.isEmpty()) {
            return new ChatReply(
                    conversationId,
                    Intent.PLAYLIST,
                    "I couldn't make that playlist right now (no tracks fit, or the recommender is unreachable). "
                            + "Try fewer wishes, or again in a moment.",
                    List.of());
        }
        PlaylistView p = made.get();
        List<ChatReply.Track> tracks = p.tracks().stream()
                .map(t -> new ChatReply.Track(t.trackId(), t.name(), t.artistName(), t.reason()))
                .toList();
        StringBuilder text = new StringBuilder("I made \"")
                .append(p.name())
                .append("\": ")
                .append(p.tracksCount())
                .append(" tracks, ")
                .append(Math.round(p.durationMs() / 60_000.0))
                .append(" minutes (playlist ")
                .append(p.id())
                .append("):");
        list(text, tracks);
        return new ChatReply(conversationId, Intent.PLAYLIST, text.toString(), tracks);
    }

    private ChatReply continueFrom(UUID conversationId, Caller caller, ConversationContext context) {
        List<String> seeds = context.lastTracks();
        if (seeds.isEmpty()) {
            return new ChatReply(
                    conversationId,
                    Intent.CONTINUE,
                    "Continue from what? Ask me for some music or a playlist first.",
                    List.of());
        }
        Optional<RecommendationsView> answer = recommender.continueFrom(caller, seeds, TRACKS_PER_ANSWER);
        if (answer.isEmpty()) {
            return new ChatReply(conversationId, Intent.CONTINUE, UNREACHABLE, List.of());
        }
        List<ChatReply.Track> tracks = tracksOf(answer.get());
        StringBuilder text = new StringBuilder("These go on from there:");
        list(text, tracks);
        return new ChatReply(conversationId, Intent.CONTINUE, text.toString(), tracks);
    }

    /** The reason the last answer gave for the track meant, from that answer itself. */
    private static ChatReply explain(UUID conversationId, Understanding u, ConversationContext context) {
        Optional<ChatMessage> answer = context.lastAnswer();
        int at = context.position(u);
        if (answer.isPresent() && at > 0) {
            String trackId = answer.get().trackIds.get(at - 1);
            for (String line : answer.get().content.split("\n")) {
                int id = line.indexOf("[" + trackId + "]: ");
                if (id >= 0) {
                    String reason = line.substring(id + trackId.length() + 4);
                    return new ChatReply(
                            conversationId,
                            Intent.EXPLAIN,
                            "Number " + at + " [" + trackId + "] was picked because: "
                                    + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1),
                            List.of());
                }
            }
        }
        return new ChatReply(
                conversationId,
                Intent.EXPLAIN,
                "Ask me for some music first; then I can say why I picked it.",
                List.of());
    }
}
