package io.spotifymate.model.training;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which model to serve after a training round, from every candidate's NDCG@10 on the same split. The preference
 * network is promoted only if it beats the best baseline and the currently served model (measured by refitting the
 * current model's kind and configuration on the same split); otherwise the best baseline is served. Ties go to the
 * baseline: a network has to earn its extra cost.
 */
public final class PromotionGate {

    /** The outcome: which kind to serve and why, in words for the registry. */
    public record Decision(String servedKind, boolean networkServed, String reason) {}

    private PromotionGate() {}

    /**
     * @param baselines NDCG@10 of each baseline kind
     * @param network the network's kind and NDCG@10, if one was trained this round
     * @param current NDCG@10 of the currently served model's configuration on this split, if a model is served
     */
    public static Decision decide(
            Map<String, Double> baselines, Optional<Map.Entry<String, Double>> network, Optional<Double> current) {
        if (baselines.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one baseline");
        }
        Map.Entry<String, Double> best = baselines.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
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

    private static Decision baseline(Map.Entry<String, Double> best, String reason, Object... values) {
        return new Decision(best.getKey(), false, String.format(Locale.ROOT, reason, values));
    }
}
