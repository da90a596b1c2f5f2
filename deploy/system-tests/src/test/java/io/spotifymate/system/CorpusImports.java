package io.spotifymate.system;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.spotifymate.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Imports a generated file through the ingestion-service's HTTP API and waits, from outside, until the feature-service
 * has folded it (its consumer group has committed every record of the topics the import feeds); asks continuation
 * where its items came from. Shared by the corpus system test and the scale benchmark.
 */
final class CorpusImports {

    private static final String GROUP = "feature-service";

    /**
     * One import: upload to SUCCEEDED, then to folded; which services were found not ready meanwhile, and the job as
     * the ingestion-service reported it at the end.
     */
    record Stage(
            String name,
            long rows,
            double importSeconds,
            double foldSeconds,
            Map<String, Integer> notReady,
            JsonPath job) {
        Stage withRows(long actualRows) {
            return new Stage(name, actualRows, importSeconds, foldSeconds, notReady, job);
        }
    }

    private final StackSettings settings;
    private final StackProbes probes;
    /** Where the items of the last round of continuation came from, by source. */
    private final Map<String, Integer> lastSources = new TreeMap<>();

    CorpusImports(StackSettings settings, StackProbes probes) {
        this.settings = settings;
        this.probes = probes;
    }

    /**
     * Uploads {@code file} to {@code path} of the ingestion-service as the holder of {@code token}, waits for the job
     * to succeed and for the feature-service to commit every record of {@code topics}, all services watched for
     * readiness throughout.
     */
    Stage importAndFold(String name, Path file, String token, String path, List<String> topics) {
        log(
                "%s: uploading %s (%,d bytes)",
                name, file.getFileName(), file.toFile().length());
        try (StackProbes.ReadinessWatch watch = probes.watchReadiness(RunningServices.ALL)) {
            long start = System.nanoTime();
            String id = given().auth()
                    .oauth2(token)
                    .multiPart("file", file.toFile())
                    .post(settings.serviceUrl("ingestion-service") + path)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            String jobUrl = settings.serviceUrl("ingestion-service") + path + "/" + id;
            JsonPath[] job = new JsonPath[1];
            if (!waitFor(Duration.ofMinutes(20), () -> {
                job[0] = given().auth()
                        .oauth2(token)
                        .get(jobUrl)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                return job[0].getBoolean("finished");
            })) {
                throw new AssertionError(name + ": the import did not finish in 20 minutes");
            }
            if (!"SUCCEEDED".equals(job[0].getString("status"))) {
                throw new AssertionError(name + ": " + job[0].prettify());
            }
            double imported = (System.nanoTime() - start) / 1e9;
            if (!waitFor(Duration.ofMinutes(30), () -> probes.lag(GROUP, topics) == 0)) {
                throw new AssertionError(name + ": the feature-service did not fold it in 30 minutes");
            }
            double folded = (System.nanoTime() - start) / 1e9;
            long accepted = job[0].getLong("accepted");
            log("%s: %,d rows accepted in %.1f s, folded after %.1f s", name, accepted, imported, folded);
            return new Stage(name, accepted, imported, folded, watch.notReady(), job[0]);
        }
    }

    /** Continuation requests (JSON bodies) for the first {@code seeds} tracks of each playlist, k = 100. */
    static List<String> continuationBodies(List<List<String>> playlists, int seeds) {
        return playlists.stream()
                .map(tracks -> "{\"trackIds\": ["
                        + String.join(
                                ", ",
                                tracks.stream()
                                        .limit(seeds)
                                        .map(t -> "\"" + t + "\"")
                                        .toList())
                        + "], \"k\": 100}")
                .toList();
    }

    /** The share of continuation items that came from shared playlists, over every request body. */
    double coOccurrenceShare(String token, List<String> bodies) {
        int items = 0;
        int fromPlaylists = 0;
        lastSources.clear();
        for (String body : bodies) {
            List<String> sources = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .post(settings.serviceUrl("recommender-service") + "/api/recommendations/continue")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.source", String.class);
            items += sources.size();
            sources.forEach(source -> lastSources.merge(source, 1, Integer::sum));
            fromPlaylists +=
                    (int) sources.stream().filter("co-occurrence"::equals).count();
        }
        return items == 0 ? 0 : (double) fromPlaylists / items;
    }

    /** By source, the items of the last {@link #coOccurrenceShare} round. */
    Map<String, Integer> lastSources() {
        return Map.copyOf(lastSources);
    }

    /** Polls {@code condition} every 200 ms until it holds (true) or {@code limit} passes (false). */
    static boolean waitFor(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200); // the polling period of an outside observer
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    static void log(String format, Object... args) {
        System.out.println("[corpus] " + format.formatted(args));
    }
}
