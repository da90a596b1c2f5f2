package io.spotifymate.recommender.bench;

import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.stack.testing.ScaleCorpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The served catalog's memory and build time, per 100k tracks of a real-shaped world (names, artists with many
 * tracks, genres, every track with audio values and a vector): the heap a snapshot keeps once built, measured as the
 * used heap after full collections with and without it, and how long one change (a track's popularity) takes to
 * build the next snapshot from the current one, against building it whole from the same rows. Plain JUnit, no stack;
 * run with {@code ./spotifymate bench recommend}.
 */
@Tag("benchmark")
class CatalogFootprintBenchmark {

    private static final int TRACKS = 100_000;
    private static final int RUNS = 5;

    @Test
    void heapPerHundredThousandTracksAndTheCostOfAChange() {
        List<CatalogSnapshot.Track> tracks = world();
        long before = usedHeap();
        CatalogSnapshot snapshot = CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
        long kept = usedHeap() - before;

        double[] whole = new double[RUNS];
        double[] changed = new double[RUNS];
        CatalogSnapshot.Track first = snapshot.track(0);
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
            whole[run] = (System.nanoTime() - start) / 1e6;
            CatalogSnapshot.Track more = new CatalogSnapshot.Track(
                    first.trackId(),
                    first.name(),
                    first.artistName(),
                    first.artistId(),
                    first.durationMs(),
                    first.releaseYear(),
                    first.genres(),
                    first.audio(),
                    first.vector(),
                    1_000 + run,
                    first.totalPlays());
            start = System.nanoTime();
            snapshot = snapshot.withChanges(Map.of(more.trackId(), more), Map.of(), Instant.EPOCH);
            changed[run] = (System.nanoTime() - start) / 1e6;
        }
        System.out.println();
        System.out.printf(
                "Catalog snapshot of %,d tracks (%,d artists): %.1f MB kept (%.0f bytes a track); build whole %.0f ms,"
                        + " next snapshot after one change %.0f ms (medians of %d; runs whole %s, changed %s)%n%n",
                snapshot.size(),
                snapshot.artistCount(),
                kept / 1e6,
                (double) kept / snapshot.size(),
                median(whole),
                median(changed),
                RUNS,
                Arrays.toString(Arrays.stream(whole).mapToLong(Math::round).toArray()),
                Arrays.toString(Arrays.stream(changed).mapToLong(Math::round).toArray()));
        if (snapshot.size() != TRACKS) {
            throw new AssertionError("the snapshot lost tracks: " + snapshot.size());
        }
    }

    /** Tracks as the feature store holds them: names from a seeded world, values seeded per track. */
    private static List<CatalogSnapshot.Track> world() {
        ScaleCorpus corpus = new ScaleCorpus(23, TRACKS, TRACKS / 10);
        Map<String, List<String>> genres = new HashMap<>();
        List<CatalogSnapshot.Track> tracks = new ArrayList<>(TRACKS);
        Random random = new Random(23);
        for (int t = 0; t < TRACKS; t++) {
            List<Double> audio = new ArrayList<>(AudioColumns.SIZE);
            List<Double> vector = new ArrayList<>(AudioColumns.SIZE);
            for (int f = 0; f < AudioColumns.SIZE; f++) {
                audio.add(random.nextDouble());
                vector.add(random.nextGaussian());
            }
            tracks.add(new CatalogSnapshot.Track(
                    corpus.trackUri(t),
                    corpus.title(t),
                    corpus.artist(t),
                    null,
                    200_000L + t,
                    1960 + t % 60,
                    genres.computeIfAbsent(corpus.genre(t), List::of),
                    audio,
                    vector,
                    1 + random.nextInt(100),
                    (long) random.nextInt(10_000)));
        }
        tracks.sort((a, b) -> a.trackId().compareTo(b.trackId()));
        return tracks;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
