package io.spotifymate.model.evaluation;

import io.spotifymate.events.datasets.SharedDatasets;
import io.spotifymate.model.ranking.Ease;
import io.spotifymate.model.ranking.Ials;
import io.spotifymate.model.ranking.ItemKnn;
import io.spotifymate.model.ranking.Popularity;
import io.spotifymate.model.ranking.PreferenceNetwork;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model comparison on Last.fm HetRec 2011: five seeds of a per-user 20% holdout (the data has no times), every
 * model tuned on a validation split inside the first seed's training data, then scored with full ranking on each
 * seed. Prints the table and writes {@code comparison.json} and {@code comparison.html} (with a chart). Run with
 * {@code ./spotifymate compare [dataset-dir] [out-dir] [--models=ials,dl4j-two-tower]} (all models by default).
 */
public final class CompareModels {

    static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    static final double HELD_OUT = 0.2;
    static final int TAG_DIMENSIONS = 128;

    private CompareModels() {}

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Set<String> only = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.startsWith("--models=")) {
                only.addAll(List.of(arg.substring("--models=".length()).split(",")));
            } else {
                positional.add(arg);
            }
        }
        Path dataset = positional.size() > 0
                ? Path.of(positional.get(0))
                : SharedDatasets.find(SharedDatasets.LASTFM_HETREC)
                        .orElse(Path.of("../shared/datasets", SharedDatasets.LASTFM_HETREC));
        Path out = Path.of(positional.size() > 1 ? positional.get(1) : "model-service/target/comparison");
        long started = System.nanoTime();
        HetrecData data = HetrecData.load(dataset, TAG_DIMENSIONS);
        System.out.printf(
                "Last.fm HetRec 2011: %,d users, %,d artists, %,d interactions; %d seeds of a %.0f%% per-user holdout%n",
                data.interactions().users(),
                data.interactions().items(),
                data.interactions().size(),
                SEEDS.size(),
                HELD_OUT * 100);
        List<Split> splits = new ArrayList<>();
        for (long seed : SEEDS) {
            splits.add(Split.holdout(data.interactions(), HELD_OUT, seed));
        }
        // Tuning never sees a test split: its held-out part comes from the first seed's training data.
        Split validation = Split.holdout(splits.get(0).train(), HELD_OUT, 1000 + SEEDS.get(0));

        Map<String, List<Recommender>> grids = new LinkedHashMap<>();
        grids.put("popularity", List.of(new Popularity()));
        grids.put("item-knn", itemKnnGrid());
        grids.put("ease", easeGrid());
        grids.put("ials", ialsGrid(SEEDS.get(0)));
        grids.put("dl4j-two-tower", networkGrid(data, validation, SEEDS.get(0)));
        if (!grids.keySet().containsAll(only)) {
            throw new IllegalArgumentException("--models takes some of " + grids.keySet() + ", not " + only);
        }
        List<Comparison.Result> results = new ArrayList<>();
        grids.forEach((kind, grid) -> {
            if (only.isEmpty() || only.contains(kind)) {
                results.add(Comparison.run(kind, grid, validation, splits, SEEDS, CompareModels::networkNotes));
            }
        });

        ComparisonReport report = new ComparisonReport(
                "Last.fm HetRec 2011 (" + data.interactions().users() + " users, "
                        + data.interactions().items() + " artists)",
                SEEDS,
                results,
                (System.nanoTime() - started) / 1e9);
        System.out.println();
        System.out.print(report.table());
        Files.createDirectories(out);
        Files.writeString(out.resolve("comparison.json"), report.json());
        Files.writeString(out.resolve("comparison.html"), report.html());
        System.out.println("Written: " + out.resolve("comparison.json") + " and " + out.resolve("comparison.html"));
    }

    static List<Recommender> itemKnnGrid() {
        List<Recommender> grid = new ArrayList<>();
        for (int k : new int[] {50, 100, 200, 500}) {
            for (double shrink : new double[] {0, 10, 50}) {
                grid.add(new ItemKnn(k, shrink));
            }
        }
        return grid;
    }

    static List<Recommender> easeGrid() {
        List<Recommender> grid = new ArrayList<>();
        for (double lambda : new double[] {10, 30, 100, 300, 1000}) {
            grid.add(new Ease(lambda));
        }
        return grid;
    }

    /** Rendle et al. (2021): confidence weight and regularisation tuned together; 128 factors, 12 epochs. */
    static List<Recommender> ialsGrid(long seed) {
        List<Recommender> grid = new ArrayList<>();
        for (double alpha : new double[] {4, 16, 64}) {
            for (double lambda : new double[] {50, 200, 500, 1000}) {
                grid.add(new Ials(128, alpha, 1, lambda, 12, seed));
            }
        }
        return grid;
    }

    /** Learning rate and batch size together (a larger batch makes fewer, costlier steps); light L2. */
    static List<Recommender> networkGrid(HetrecData data, Split validation, long seed) {
        List<Recommender> grid = new ArrayList<>();
        for (double learningRate : new double[] {0.005, 0.01}) {
            for (int batch : new int[] {8192, 16384}) {
                grid.add(new PreferenceNetwork(
                        new PreferenceNetwork.Settings(64, 4, learningRate, 1e-5, batch, 30, 3, 120_000, seed),
                        data.artistTags(),
                        validation));
            }
        }
        return grid;
    }

    /** What a network reports of its training (epochs run, the best one); nothing for the other kinds. */
    private static Map<String, Object> networkNotes(Recommender model) {
        Map<String, Object> notes = new LinkedHashMap<>();
        if (model instanceof PreferenceNetwork network && network.lastTraining() != null) {
            PreferenceNetwork.Training training = network.lastTraining();
            notes.put("epochs", training.epochs());
            notes.put("bestEpoch", training.bestEpoch());
        }
        return notes;
    }
}
