package io.spotifymate.chat.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.spotifymate.chat.Accounts;
import io.spotifymate.chat.fixtures.CatalogRows;
import io.spotifymate.stack.Stack;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat latency on the local stack with the real recommender-service (a process) behind the offline engine: the round
 * trip of {@code POST /api/chat} as a client sees it, the part of it spent in the recommender (the gateway's own
 * {@code Server-Timing} header), the gateway's own part, and as the raw baseline the recommender asked directly with
 * the same parameters in the same run. Target: the gateway's own part p95 ≤ 150 ms.
 *
 * <p>Run with {@code ./spotifymate bench chat}; {@code -Dbench.messages=N} per client (200) and {@code -Dbench.runs=N}
 * (3; medians decide).
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@Tag("benchmark")
class ChatLatencyBenchmark {

    private static final List<String> MESSAGES = List.of(
            "recommend me something",
            "calm jazz from the 60s",
            "something upbeat for running",
            "less upbeat",
            "songs for a candlelit dinner",
            "high energy rock",
            "more 90s",
            "beats to code to",
            "I don't like the first one",
            "something new to me");
    private static final Pattern TIMING = Pattern.compile("downstream;dur=([0-9.]+), gateway;dur=([0-9.]+)");

    private static Stack stack;
    private static List<String> startedHere = List.of();

    @BeforeAll
    static void recommender() {
        StackSettings settings = TestStack.ensureUp();
        Assumptions.assumeTrue(
                Files.isRegularFile(
                        settings.repoRoot().resolve("recommender-service/target/quarkus-app/quarkus-run.jar")),
                "recommender-service is not built");
        CatalogRows.write(settings, "bench" + UUID.randomUUID().toString().substring(0, 6), 2_000);
        stack = new Stack(settings, message -> System.out.println("[bench] " + message));
        startedHere = stack.startServices(List.of("recommender-service"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop(startedHere);
        }
    }

    private static String signUp() {
        return Accounts.signUp(Accounts.newUser("bench"));
    }

    /** Per message: client round trip, recommender time, gateway time, in ms. */
    private static double[][] conversation(String token, int messages) {
        double[][] times = new double[3][messages];
        String conversation = null;
        for (int i = 0; i < messages; i++) {
            String message = MESSAGES.get(i % MESSAGES.size());
            String body = conversation == null || i % MESSAGES.size() == 0
                    ? "{\"message\": \"" + message + "\"}"
                    : "{\"conversationId\": \"" + conversation + "\", \"message\": \"" + message + "\"}";
            long started = System.nanoTime();
            Response response = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/chat");
            times[0][i] = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new AssertionError("chat answered " + response.statusCode() + ": " + response.asString());
            }
            conversation = response.path("conversationId");
            Matcher timing = TIMING.matcher(response.header("Server-Timing"));
            if (!timing.find()) {
                throw new AssertionError("no Server-Timing: " + response.headers());
            }
            times[1][i] = Double.parseDouble(timing.group(1));
            times[2][i] = Double.parseDouble(timing.group(2));
        }
        return times;
    }

    /** The raw baseline: the recommender asked directly, as the chat asks it for "recommend me something". */
    private static double[] direct(String token, String user, int messages) {
        String recommender = TestStack.ensureUp().serviceUrl("recommender-service");
        double[] times = new double[messages];
        for (int i = 0; i < messages; i++) {
            long started = System.nanoTime();
            given().auth()
                    .oauth2(token)
                    .get(recommender + "/api/users/{u}/recommendations?k=5", user)
                    .then()
                    .statusCode(200);
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        return times;
    }

    @Test
    void chatLatency() throws Exception {
        int messages = Integer.getInteger("bench.messages", 200);
        int runs = Integer.getInteger("bench.runs", 3);
        // Warm up both services and the model reader.
        conversation(signUp(), 40);

        List<double[]> rows = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String token = signUp();
            String user = subject(token);
            double[] baseline = direct(token, user, messages);
            double[][] one = conversation(token, messages);
            double[][] four = concurrently(4, messages / 4);
            rows.add(new double[] {
                p(one[0], 50),
                p(one[0], 95),
                p(one[1], 95),
                p(one[2], 50),
                p(one[2], 95),
                p(four[0], 95),
                p(four[2], 95),
                p(baseline, 50),
                p(baseline, 95)
            });
            System.out.printf(
                    Locale.ROOT,
                    "run %d: one client round trip p50 %.1f ms p95 %.1f ms (recommender p95 %.1f ms; gateway itself "
                            + "p50 %.1f ms p95 %.1f ms); four clients round trip p95 %.1f ms, gateway itself p95 %.1f "
                            + "ms; recommender asked directly p50 %.1f ms p95 %.1f ms%n",
                    run + 1,
                    rows.get(run)[0],
                    rows.get(run)[1],
                    rows.get(run)[2],
                    rows.get(run)[3],
                    rows.get(run)[4],
                    rows.get(run)[5],
                    rows.get(run)[6],
                    rows.get(run)[7],
                    rows.get(run)[8]);
        }
        double[] median = new double[rows.get(0).length];
        for (int c = 0; c < median.length; c++) {
            final int column = c;
            median[c] = p(rows.stream().mapToDouble(r -> r[column]).toArray(), 50);
        }
        System.out.printf(
                Locale.ROOT,
                "MEDIAN of %d runs, %d messages each: chat round trip p50 %.1f / p95 %.1f ms; the gateway itself (all "
                        + "but the recommender) p50 %.1f / p95 %.1f ms (target p95 <= 150 ms); with four clients "
                        + "round trip p95 %.1f ms, gateway itself p95 %.1f ms; the recommender directly p50 %.1f / p95 "
                        + "%.1f ms: the chat round trip is %.1fx the direct call at p50%n",
                runs,
                messages,
                median[0],
                median[1],
                median[3],
                median[4],
                median[5],
                median[6],
                median[7],
                median[8],
                median[0] / median[7]);
    }

    private static double[][] concurrently(int clients, int messages) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tokens.add(signUp());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> conversation(token, messages)));
            }
            double[][] all = new double[3][0];
            for (Future<double[][]> result : results) {
                double[][] one = result.get();
                for (int k = 0; k < 3; k++) {
                    double[] joined = Arrays.copyOf(all[k], all[k].length + one[k].length);
                    System.arraycopy(one[k], 0, joined, all[k].length, one[k].length);
                    all[k] = joined;
                }
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static String subject(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Matcher sub = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(claims);
        return sub.find() ? sub.group(1) : null;
    }

    private static double p(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
