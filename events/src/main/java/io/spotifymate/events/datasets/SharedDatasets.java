package io.spotifymate.events.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The public datasets a checkout may have beside it, in {@code shared/datasets} (Last.fm HetRec 2011, the Spotify Hit
 * Predictor audio features): read in place, never copied into the project. Tests and benchmarks run in their module's
 * folder (one or two levels below the checkout), the command line in the checkout itself: each looks the same way.
 */
public final class SharedDatasets {

    public static final String LASTFM_HETREC = "lastfm-hetrec2011";
    public static final String HIT_PREDICTOR = "spotify-hit-predictor";

    private static final List<String> BESIDE_THE_CHECKOUT =
            List.of("../shared/datasets", "../../shared/datasets", "../../../shared/datasets");

    private SharedDatasets() {}

    /** The dataset's folder, seen from the working directory, if it is there. */
    public static Optional<Path> find(String name) {
        return BESIDE_THE_CHECKOUT.stream()
                .map(dir -> Path.of(dir, name))
                .filter(Files::isDirectory)
                .findFirst();
    }

    /** What a test or benchmark says when it skips for want of the dataset. */
    public static String missing(String name) {
        return "the " + name + " dataset is not beside the checkout (shared/datasets/" + name + "); skipped";
    }
}
