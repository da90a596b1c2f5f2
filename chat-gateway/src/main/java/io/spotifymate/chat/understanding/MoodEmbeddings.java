package io.spotifymate.chat.understanding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps free text to one of the recommender's moods with the in-process MiniLM sentence model (quantised, no network):
 * each mood is a handful of phrases people use for it, and a text takes the mood of its most similar phrase, if
 * that phrase is close enough and clearly closer than any plain "play me something" phrase.
 */
public final class MoodEmbeddings {

    /** The phrases of each mood, in people's words. */
    static final Map<String, List<String>> PHRASES = phrases();

    /** Requests that name no mood at all: the nearest of them wins against a weak mood match. */
    static final List<String> NEUTRAL = List.of(
            "recommend me some music",
            "play something",
            "what should I listen to",
            "songs I might like",
            "surprise me with something",
            "more songs please",
            "music by an artist I like");

    private final EmbeddingModel model;
    private final double floor;
    private final double margin;
    private final Map<String, List<float[]>> moods = new LinkedHashMap<>();
    private final List<float[]> neutral;

    /** Loads the model (about a second) and embeds the phrases. */
    public MoodEmbeddings() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel(), 0.40, 0.04);
    }

    MoodEmbeddings(EmbeddingModel model, double floor, double margin) {
        this.model = model;
        this.floor = floor;
        this.margin = margin;
        PHRASES.forEach((mood, phrases) -> moods.put(mood, embedAll(phrases)));
        this.neutral = embedAll(NEUTRAL);
    }

    /** The mood the text speaks of, if the model is confident enough. */
    public Optional<String> moodOf(String text) {
        return nearest(text)
                .filter(m -> m.similarity() >= floor && m.similarity() - m.neutral() >= margin)
                .map(Match::mood);
    }

    /** The nearest mood with its similarity and the best neutral phrase's: for tuning and for the tests. */
    Optional<Match> nearest(String text) {
        float[] vector = embed(text);
        Match best = null;
        double neutralBest =
                neutral.stream().mapToDouble(n -> dot(vector, n)).max().orElse(0);
        for (Map.Entry<String, List<float[]>> mood : moods.entrySet()) {
            for (float[] phrase : mood.getValue()) {
                double similarity = dot(vector, phrase);
                if (best == null || similarity > best.similarity()) {
                    best = new Match(mood.getKey(), similarity, neutralBest);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    record Match(String mood, double similarity, double neutral) {}

    private float[] embed(String text) {
        return normalised(model.embed(text).content());
    }

    private List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (Embedding embedding :
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content()) {
            vectors.add(normalised(embedding));
        }
        return vectors;
    }

    private static float[] normalised(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Built from the rules' own mood words (MessageParser), so that no held-out prompt shaped them. */
    private static Map<String, List<String>> phrases() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put(
                "calm",
                List.of(
                        "calm relaxing music",
                        "chill mellow songs",
                        "peaceful soothing quiet music",
                        "music to sleep and unwind at bedtime",
                        "cozy gentle soft music"));
        p.put(
                "happy",
                List.of(
                        "happy upbeat music",
                        "cheerful feel good songs",
                        "sunny joyful uplifting music",
                        "songs for a good mood"));
        p.put(
                "sad",
                List.of(
                        "sad melancholy songs",
                        "heartbreak and heartache music",
                        "songs for crying after a breakup",
                        "gloomy lonely moody music"));
        p.put(
                "energetic",
                List.of(
                        "energetic intense music",
                        "workout music for the gym",
                        "running and cardio music",
                        "music to pump me up with motivation",
                        "hype music for lifting"));
        p.put(
                "focus",
                List.of(
                        "music to focus and concentrate",
                        "music for studying and homework",
                        "music for coding and programming",
                        "music for reading and deep work"));
        p.put(
                "party",
                List.of(
                        "party music",
                        "dance music for the dance floor",
                        "club bangers for clubbing",
                        "danceable songs for partying"));
        return p;
    }
}
