package io.spotifymate.model.training;

import io.spotifymate.model.ranking.Popularity;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which model to serve after a training round, from every candidate's NDCG@10 on the same split. The preference
 * network is promoted only if it beats the best baseline and the currently served model (measured by refitting the
 * current model's kind and configuration on the same split); otherwise the best baseline is served. Ties go to the
 * baseline: a network has to earn its extra cost.
 *
 * <p>One rule overrides the scores: popularity is never served while a personal model was trained and a real listener
 * has a history ({@link #LISTENER_HISTORY} positives). A small installation's judges are few or are imported
 * playlists, and a list that is the same for everyone can edge out a personal model on them; but a listener with
 * thousands of plays who is then served the charts sees a recommender that ignores them. The best personal model by
 * the same metric is served instead, and the reason says so. Popularity stays the fallback when no personal model
 * could be trained.
 */
public final class PromotionGate {

    /** Positive tracks that make a real listener's history one a list for everyone would ignore. */
    public static final int LISTENER_HISTORY = 50;

    private static final Comparator<Map.Entry<String, Double>> BY_SCORE =
            Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    /** The outcome: which kind to serve and why, in words for the registry. */
    public record Decision(String servedKind, boolean networkServed, String reason) {}

    /**
     * What the round knew besides the scores.
     *
     * @param judgedOn who judged, in words (see {@link Judging#description()})
     * @param listenersWithHistory real listeners with at least {@link #LISTENER_HISTORY} positive tracks
     */
    public record Round(String judgedOn, int listenersWithHistory) {}

    private PromotionGate() {}

    /**
     * @param baselines NDCG@10 of each baseline kind
     * @param network the network's kind and NDCG@10, if one was trained this round
     * @param current NDCG@10 of the currently served model's configuration on this split, if a model is served
     * @param round who judged and who listens
     */
    public static Decision decide(
            Map<String, Double> baselines,
            Optional<Map.Entry<String, Double>> network,
            Optional<Double> current,
            Round round) {
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one baseline");
        }
        Decision decision = byScore(baselines, network, current);
        if (Popularity.KIND.equals(decision.servedKind()) && round.listenersWithHistory() > 0) {
            decision =
                    personal(baselines, network, round.listenersWithHistory()).orElse(decision);
        }
        return new Decision(
                decision.servedKind(), decision.networkServed(), decision.reason() + "; judged on " + round.judgedOn());
    }

    private static Decision byScore(
            Map<String, Double> baselines, Optional<Map.Entry<String, Double>> network, Optional<Double> current) {
        Map.Entry<String, Double> best =
                baselines.entrySet().stream().max(BY_SCORE).orElseThrow();
        if (network.isEmpty()) {
            return baseline(
                    best, "best baseline: %s, NDCG@10 %.4f (no network this round)", best.getKey(), best.getValue());
        }
        String name = network.get().getKey();
        double net = network.get().getValue();
        if (net <= best.getValue()) {
            return baseline(
                    best,
                    "best baseline %s served: NDCG@10 %.4f, the %s only %.4f",
                    best.getKey(),
                    best.getValue(),
                    name,
                    net);
        }
        if (current.isPresent() && net <= current.get()) {
            return baseline(
                    best,
                    "the %s (NDCG@10 %.4f) does not beat the served model (%.4f) on this split; best"
                            + " baseline %s served",
                    name,
                    net,
                    current.get(),
                    best.getKey());
        }
        return new Decision(
                name,
                true,
                String.format(
                        Locale.ROOT,
                        "the %s beats the best baseline %s: NDCG@10 %.4f against %.4f (%+.1f%%)",
                        name,
                        best.getKey(),
                        net,
                        best.getValue(),
                        (net / best.getValue() - 1) * 100));
    }

    /** The best personal model by NDCG@10 (ties to a baseline), if one was trained. */
    private static Optional<Decision> personal(
            Map<String, Double> baselines, Optional<Map.Entry<String, Double>> network, int listeners) {
        Optional<Map.Entry<String, Double>> bestBaseline = baselines.entrySet().stream()
                .filter(e -> !Popularity.KIND.equals(e.getKey()))
                .max(BY_SCORE);
        boolean networkBest = network.isPresent()
                && (bestBaseline.isEmpty()
                        || network.get().getValue() > bestBaseline.get().getValue());
        Optional<Map.Entry<String, Double>> chosen = networkBest ? network : bestBaseline;
        return chosen.map(model -> new Decision(
                model.getKey(),
                networkBest,
                String.format(
                        Locale.ROOT,
                        "%s served, the best personal model (NDCG@10 %.4f): popularity scored %.4f, but %d real"
                                + " listener%s ha%s at least %d positives and a list for everyone would ignore them",
                        model.getKey(),
                        model.getValue(),
                        baselines.get(Popularity.KIND),
                        listeners,
                        listeners == 1 ? "" : "s",
                        listeners == 1 ? "s" : "ve",
                        LISTENER_HISTORY)));
    }

    private static Decision baseline(Map.Entry<String, Double> best, String reason, Object... values) {
        return new Decision(best.getKey(), false, String.format(Locale.ROOT, reason, values));
    }
}
