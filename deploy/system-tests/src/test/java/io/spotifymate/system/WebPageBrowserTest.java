package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifymate.stack.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real headless Chromium, driven by {@code browser/web-page.test.mjs} (playwright-core) against
 * the running services: sign-up, an import with its progress bar, chat, 👎 and ban changing the next answer, a
 * playlist from a prompt, the insights charts, a phone-sized screen. Screenshots land in
 * {@code target/browser-screenshots}. Without a Chromium, Node or the script's npm package it is skipped, saying so.
 */
class WebPageBrowserTest {

    @BeforeAll
    static void startServices() {
        RunningServices.ensureUp();
    }

    @Test
    void aPersonSignsUpImportsChatsGivesFeedbackMakesAPlaylistAndSeesTheirCharts() throws Exception {
        Path root = RunningServices.ensureUp().repoRoot();
        Path browser = root.resolve("deploy/system-tests/browser");
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(
                chromium.isPresent(),
                "browser test skipped: no Chromium (install Debian's chromium, or set SPOTIFYMATE_CHROMIUM)");
        Assumptions.assumeTrue(
                onPath("node").isPresent(), "browser test skipped: no node on PATH (install Debian's nodejs)");
        Assumptions.assumeTrue(
                Files.isDirectory(browser.resolve("node_modules/playwright-core")),
                "browser test skipped: run `npm ci` in deploy/system-tests/browser for playwright-core");

        String run = UUID.randomUUID().toString().substring(0, 6);
        catalog(run);
        Path work = root.resolve("deploy/system-tests/target");
        Path export = work.resolve("browser-export/StreamingHistory_music_0.json");
        Files.createDirectories(export.getParent());
        Files.writeString(export, export(run), StandardCharsets.UTF_8);
        Path log = work.resolve("browser-test.log");

        ProcessBuilder builder = new ProcessBuilder(onPath("node").orElseThrow().toString(), "web-page.test.mjs")
                .directory(browser.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GATEWAY_URL", RunningServices.url("chat-gateway"));
        builder.environment().put("CHROMIUM", chromium.get().toString());
        builder.environment().put("EXPORT_FILE", export.toString());
        builder.environment()
                .put("SCREENSHOTS", work.resolve("browser-screenshots").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = false;
        try {
            ended = process.waitFor(5, TimeUnit.MINUTES);
        } finally {
            if (!ended) {
                process.destroyForcibly();
            }
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(ended).as("the browser test ended within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static final int SONGS = 20;

    /**
     * An operator imports a catalog of the songs the export will name, with audio features (sadder and more energetic
     * as the months go by), and waits until the feature store has them: the insights then have a mood to chart.
     */
    private static void catalog(String run) {
        StringBuilder csv = new StringBuilder("track,artist,uri,danceability,energy,valence,acousticness,tempo\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SONGS; i++) {
            String id = "spotify:track:" + (run + "browsersong" + (char) ('a' + i) + "0000000000").substring(0, 22);
            ids.add(id);
            double valence = 0.9 - i * 0.04;
            double energy = 0.3 + i * 0.02;
            csv.append("Browser Song %d %s,Browser Artist %d %s,%s,0.6,%.2f,%.2f,0.3,%d\n"
                    .formatted(i, run, i % 12, run, id, energy, valence, 90 + i));
        }
        String operator = TestTokens.admin("operator");
        String job = given().auth()
                .oauth2(operator)
                .multiPart("file", "browser-catalog.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(RunningServices.url("ingestion-service") + "/api/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                        .oauth2(operator)
                        .get(RunningServices.url("ingestion-service") + "/api/imports/{id}", job)
                        .jsonPath()
                        .getBoolean("finished"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth()
                                .oauth2(operator)
                                .get(
                                        RunningServices.url("feature-service") + "/api/tracks/{t}/features",
                                        ids.get(SONGS - 1))
                                .statusCode()
                        == 200);
    }

    /** Sixty plays of the catalog's songs over four months, at different hours and days. */
    private static String export(String run) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime start = LocalDateTime.of(2026, 7, 3, 7, 15);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDateTime at = start.plusDays(i * 2L).plusHours((i * 5L) % 17);
            int song = (i / 3) % SONGS;
            rows.add("{\"endTime\": \"%s\", \"artistName\": \"Browser Artist %d %s\", \"trackName\": "
                            .formatted(at.format(format), song % 12, run)
                    + "\"Browser Song %d %s\", \"msPlayed\": %d}".formatted(song, run, 120_000 + i * 1_000));
        }
        return "[\n" + String.join(",\n", rows) + "\n]\n";
    }

    private static Optional<Path> chromium() {
        String configured = System.getenv("SPOTIFYMATE_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return onPath("chromium").or(() -> onPath("chromium-browser"));
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
