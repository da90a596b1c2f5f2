package io.spotifymate.model.evaluation;

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
import java.util.List;
import java.util.Map;

/**
 * The model comparison on Last.fm HetRec 2011: five seeds of a per-user 20% holdout (the data has no times), every
 * model tuned on a validation split inside the first seed's training data, then scored with full ranking on each
 * seed. Prints the table and writes {@code comparison.json} and {@code comparison.html} (with a chart). Run with
 * {@code ./spotifymate compare [dataset-dir] [out-dir]}.
 */
public final class CompareModels {

    static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    static final double HELD_OUT = 0.2;
    static final int TAG_DIMENSIONS = 128;

    private CompareModels() {}

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/datasets/lastfm-hetrec2011");
        Path out = Path.of(args.length > 1 ? args[1] : "model-service/target/comparison");
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

        List<Comparison.Result> results = new ArrayList<>();
        results.add(Comparison.run("popularity", List.of(new Popularity()), validation, splits, SEEDS, m -> Map.of()));
        results.add(Comparison.run("item-knn", itemKnnGrid(), validation, splits, SEEDS, m -> Map.of()));
        results.add(Comparison.run("ease", easeGrid(), validation, splits, SEEDS, m -> Map.of()));
        results.add(Comparison.run("ials", ialsGrid(SEEDS.get(0)), validation, splits, SEEDS, m -> Map.of()));
        results.add(Comparison.run(
                "dl4j-two-tower",
                networkGrid(data, validation, SEEDS.get(0)),
                validation,
                splits,
                SEEDS,
                CompareModels::networkNotes));

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

    static List<Recommender> networkGrid(HetrecData data, Split validation, long seed) {
        List<Recommender> grid = new ArrayList<>();
        for (double learningRate : new double[] {0.005, 0.02}) {
            for (double l2 : new double[] {1e-5, 1e-4}) {
                grid.add(new PreferenceNetwork(
                        new PreferenceNetwork.Settings(64, 4, learningRate, l2, 8192, 30, 3, 120_000, seed),
                        data.artistTags(),
                        validation));
            }
        }
        return grid;
    }

    private static Map<String, Object> networkNotes(Recommender model) {
        PreferenceNetwork.Training training = ((PreferenceNetwork) model).lastTraining();
        Map<String, Object> notes = new LinkedHashMap<>();
        if (training != null) {
            notes.put("epochs", training.epochs());
            notes.put("bestEpoch", training.bestEpoch());
        }
        return notes;
    }
}
