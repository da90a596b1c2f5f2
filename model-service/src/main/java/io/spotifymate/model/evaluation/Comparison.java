package io.spotifymate.model.evaluation;

import io.spotifymate.model.ranking.Evaluation;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Scorer;
import io.spotifymate.model.ranking.Split;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.bytedeco.javacpp.Pointer;

/**
 * The harness every model goes through: candidates for a kind are fitted on a validation split carved out of the
 * first seed's training data, the best by NDCG@10 is kept, and that configuration is then fitted on each seed's
 * training data and scored on its held-out data, with the time and heap it took.
 */
public final class Comparison {

    /** One configuration's score while tuning. */
    public record Candidate(Map<String, Object> hyperparameters, double validationNdcg, double seconds) {}

    /** One seed's outcome for the chosen configuration. */
    public record Run(long seed, Evaluation evaluation, double seconds, long peakMemoryBytes) {}

    /** A model kind's tuning and its runs. */
    public record Result(
            String kind,
            Map<String, Object> chosen,
            List<Candidate> candidates,
            List<Run> runs,
            Map<String, Object> notes) {

        public double mean(Function<Evaluation, Double> metric) {
            return runs.stream()
                    .mapToDouble(r -> metric.apply(r.evaluation()))
                    .average()
                    .orElse(Double.NaN);
        }

        /** Sample standard deviation over the seeds. */
        public double spread(Function<Evaluation, Double> metric) {
            double mean = mean(metric);
            double sum = 0;
            for (Run run : runs) {
                double d = metric.apply(run.evaluation()) - mean;
                sum += d * d;
            }
            return runs.size() < 2 ? 0 : Math.sqrt(sum / (runs.size() - 1));
        }

        public double medianSeconds() {
            double[] s = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
            return s.length == 0 ? Double.NaN : s[s.length / 2];
        }

        public long maxPeakMemory() {
            return runs.stream().mapToLong(Run::peakMemoryBytes).max().orElse(0);
        }
    }

    private Comparison() {}

    /**
     * Fits every configuration of {@code grid} on the validation split's training part and keeps the one with the best
     * NDCG@10 on its held-out part; then fits that configuration, reseeded, on each split's training data and scores
     * it on its test data. {@code notes} adds what a fitted model reports of itself (epochs, for instance).
     */
    public static Result run(
            String kind,
            List<Recommender> grid,
            Split validation,
            List<Split> splits,
            List<Long> seeds,
            Function<Recommender, Map<String, Object>> notes) {
        List<Candidate> candidates = new ArrayList<>();
        Recommender best = grid.get(0);
        double bestNdcg = -1;
        Map<String, Object> tuningNotes = Map.of();
        for (Recommender model : grid) {
            long started = System.nanoTime();
            Scorer scorer = model.fit(validation.train());
            double seconds = (System.nanoTime() - started) / 1e9;
            double ndcg = Evaluation.of(validation, scorer).ndcg10();
            candidates.add(new Candidate(model.hyperparameters(), ndcg, seconds));
            System.out.printf(
                    "  %-15s val NDCG@10 %.4f (%5.1f s)  %s %s%n",
                    kind, ndcg, seconds, model.hyperparameters(), notes.apply(model));
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = model;
                tuningNotes = notes.apply(model);
            }
        }
        List<Run> runs = new ArrayList<>();
        Map<String, Object> chosen = null;
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            Recommender model = best.reseeded(seeds.get(s));
            chosen = model.hyperparameters();
            MemoryWatch memory = MemoryWatch.start();
            long started = System.nanoTime();
            Scorer scorer = model.fit(split.train());
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = memory.stop();
            Evaluation evaluation = Evaluation.of(split, scorer);
            runs.add(new Run(seeds.get(s), evaluation, seconds, peak));
            System.out.printf(
                    "  %-15s seed %d: NDCG@10 %.4f  Recall@20 %.4f  (%.1f s)%n",
                    kind, seeds.get(s), evaluation.ndcg10(), evaluation.recall20(), seconds);
        }
        return new Result(kind, chosen, candidates, runs, tuningNotes);
    }

    /**
     * The most memory in use while a model fits, above what was in use at its start: the Java heap plus what
     * Deeplearning4j's native arrays hold outside it, sampled every 20 ms.
     */
    static final class MemoryWatch {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final long baseline;
        private final Thread sampler;
        private volatile boolean running = true;

        private MemoryWatch() {
            System.gc();
            baseline = used();
            sampler = new Thread(
                    () -> {
                        while (running) {
                            peak.accumulateAndGet(used(), Math::max);
                            LockSupport.parkNanos(20_000_000);
                        }
                    },
                    "memory-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static MemoryWatch start() {
            return new MemoryWatch();
        }

        private long used() {
            return memory.getHeapMemoryUsage().getUsed() + Pointer.totalBytes();
        }

        long stop() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peak.accumulateAndGet(used(), Math::max);
            return Math.max(0, peak.get() - baseline);
        }
    }
}
