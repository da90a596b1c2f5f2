package io.spotifymate.chat.understanding;

import io.quarkus.runtime.StartupEvent;
import io.spotifymate.chat.understanding.Understanding.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The offline engine's understanding: the rules ({@link MessageParser}) first, then, for a request for music in
 * which they found nothing about the music (no mood, genre, artist, era, energy, tempo, length…), the MiniLM
 * model's reading of the words ({@link MoodEmbeddings}), so that
 * "songs for a candlelit dinner" is calm although no rule names candles. The model loads in the background at start;
 * until it has, and when it is switched off, the rules answer alone.
 */
@ApplicationScoped
public class Understander {

    private static final Logger LOG = Logger.getLogger(Understander.class);

    private final MessageParser rules = new MessageParser();
    private final boolean enabled;
    private volatile CompletableFuture<Optional<MoodEmbeddings>> embeddings =
            CompletableFuture.completedFuture(Optional.empty());

    @Inject
    public Understander(
            @ConfigProperty(name = "spotifymate.chat.mood-embeddings", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    /** For tests and tools: with the given model reader, or none for the rules alone. */
    public Understander(Optional<MoodEmbeddings> embeddings) {
        this.enabled = embeddings.isPresent();
        this.embeddings = CompletableFuture.completedFuture(embeddings);
    }

    void load(@Observes StartupEvent start) {
        if (enabled) {
            embeddings = CompletableFuture.supplyAsync(() -> Optional.of(new MoodEmbeddings()))
                    .exceptionally(failure -> {
                        // Also a missing native library (a LinkageError): the chat goes on with the rules.
                        LOG.warnf("The mood embedding model did not load, the rules answer alone: %s", failure);
                        return Optional.empty();
                    });
        }
    }

    /** Whether the model is still loading (the chat is not ready until it has, or has failed). */
    public boolean loading() {
        return !embeddings.isDone();
    }

    /** Whether the model reads moods (false while loading, when switched off, or when it failed to load). */
    public boolean modelReady() {
        return embeddings.getNow(Optional.empty()).isPresent();
    }

    public Understanding understand(String message) {
        Understanding understood = rules.parse(message);
        boolean asksForMusic = understood.intent() == Intent.RECOMMEND || understood.intent() == Intent.PLAYLIST;
        // Only where the rules found nothing about the music itself (a count aside): "high energy songs" or "a
        // 30 minute playlist" already say what they want, and a mood read into them would narrow the answer.
        boolean saysNothingElse = understood.slots().keySet().stream().allMatch(slot -> slot.equals("k"));
        if (!asksForMusic || !saysNothingElse) {
            return understood;
        }
        Optional<MoodEmbeddings> model = embeddings.getNow(Optional.empty());
        return model.flatMap(m -> m.moodOf(message))
                .map(mood -> {
                    Map<String, String> slots = new LinkedHashMap<>(understood.slots());
                    slots.put("mood", mood);
                    return Understanding.of(understood.intent(), slots);
                })
                .orElse(understood);
    }
}
