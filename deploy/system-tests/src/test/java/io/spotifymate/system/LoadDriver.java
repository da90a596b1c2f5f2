package io.spotifymate.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An open-loop HTTP load driver: requests go out at a fixed rate whatever the answers do, and each latency is taken
 * from the moment the request was due, so a slow answer that delays the next send is counted, not hidden (no
 * coordinated omission). Used by the scale benchmark, against a trivial endpoint first for the driver's own figures.
 */
final class LoadDriver {

    /** Latency percentiles in milliseconds, how many answered, and how many failed (not 2xx, or no answer). */
    record Result(int requests, int failed, double achievedPerSecond, double p50, double p95, double p99, double max) {
        String row(String label) {
            return "%-44s %8d %7d %9.0f %8.1f %8.1f %8.1f %8.1f"
                    .formatted(label, requests, failed, achievedPerSecond, p50, p95, p99, max);
        }

        static String header() {
            return "%-44s %8s %7s %9s %8s %8s %8s %8s"
                    .formatted("load", "requests", "failed", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Sends {@code count} requests at {@code perSecond}, request {@code i} made by {@code request}, and waits for every
     * answer (at most 30 s each).
     */
    Result run(int perSecond, int count, IntFunction<HttpRequest> request) {
        long[] latencies = new long[count];
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the sender, not waiting for a result
                }
                int index = i;
                answers.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                        .orTimeout(30, TimeUnit.SECONDS)
                        .handle((response, error) -> {
                            latencies[index] = System.nanoTime() - due;
                            if (error != null || response.statusCode() / 100 != 2) {
                                failed.incrementAndGet();
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load run interrupted", interrupted);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(
                count,
                failed.get(),
                count / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double quantile) {
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    static HttpRequest postJson(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
