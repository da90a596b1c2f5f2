package io.spotifymate.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.Topics;
import io.spotifymate.stack.Stack;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.ScaleCorpus;
import io.spotifymate.stack.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of real shape (Zipf popularity, genre clusters, 20–200 tracks a playlist, noisy names) of about
 * 50,000 playlist rows over a 10,000-track catalog, imported through the API like an operator would: every service
 * stays ready throughout, continuation answers from the corpus within a minute of the fold, and no service reads a
 * table whole again (they log a "Full-table scan" warning when they do).
 */
@Order(Order.DEFAULT + 1)
class CorpusAtScaleTest {

    private static final int TRACKS = 10_000;
    private static final int PLAYLISTS = 770; // about 65 tracks each: 50,000 rows
    private static final int CONTINUED = 10;

    @TempDir
    Path temp;

    @Test
    void aFiftyThousandRowCorpusReachesContinuationWhileEveryServiceStaysReady() throws IOException {
        StackSettings settings = RunningServices.ensureUp();
        Stack stack = new Stack(settings, message -> {});
        Map<String, Long> logStart = new HashMap<>();
        for (String service : RunningServices.ALL) {
            logStart.put(service, Files.size(stack.logFile(service)));
        }
        ScaleCorpus world = new ScaleCorpus(4_242, TRACKS, TRACKS / 10);
        Path catalog = temp.resolve("catalog.csv");
        try (Writer out = Files.newBufferedWriter(catalog, StandardCharsets.UTF_8)) {
            world.writeCatalogCsv(out, TRACKS);
        }
        Path corpus = temp.resolve("mpd.zip");
        List<List<String>> last = new ArrayList<>();
        long rows;
        try (OutputStream out = Files.newOutputStream(corpus)) {
            rows = world.writeMpdZip(out, 50_000_000, PLAYLISTS, 1_000, (pid, tracks) -> {
                last.add(tracks);
                if (last.size() > CONTINUED) {
                    last.remove(0);
                }
            });
        }
        assertThat(rows).as("the corpus's playlist rows").isBetween(45_000L, 55_000L);
        String operator = TestTokens.admin("corpus-operator");
        String reader = RunningServices.token("corpus-reader");

        try (StackProbes probes = new StackProbes(settings)) {
            CorpusImports imports = new CorpusImports(settings, probes);
            CorpusImports.Stage cataloged = imports.importAndFold(
                    "catalog",
                    catalog,
                    operator,
                    "/api/imports",
                    List.of(Topics.CATALOG_TRACKS, Topics.CATALOG_ARTISTS));
            CorpusImports.Stage folded =
                    imports.importAndFold("corpus", corpus, operator, "/api/imports", List.of(Topics.PLAYLISTS));
            assertThat(cataloged.notReady())
                    .as("services not ready during the catalog import")
                    .isEmpty();
            assertThat(folded.notReady())
                    .as("services not ready during the corpus import")
                    .isEmpty();
            assertThat(folded.rows()).as("playlists accepted").isEqualTo(PLAYLISTS);

            // Seeds from the corpus's last playlists: before it they shared no playlist with anything.
            List<String> bodies = CorpusImports.continuationBodies(last, 5);
            double[] share = {0};
            boolean answered = CorpusImports.waitFor(Duration.ofSeconds(60), () -> {
                share[0] = imports.coOccurrenceShare(reader, bodies);
                return share[0] >= 0.5;
            });
            assertThat(answered)
                    .as(
                            "within 60 s of the fold, most continuation items come from shared playlists (share %.2f, %s)",
                            share[0], imports.lastSources())
                    .isTrue();
        }

        for (String service : RunningServices.ALL) {
            byte[] log = Files.readAllBytes(stack.logFile(service));
            int from = (int) Math.min(log.length, logStart.get(service));
            String since = new String(log, from, log.length - from, StandardCharsets.UTF_8);
            assertThat(since).as(service + " log since the import").doesNotContain("Full-table scan");
        }
    }
}
