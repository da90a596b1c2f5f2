package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.Topics;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One listener as a new user meets the product: an operator has imported a catalog (a third of its tracks without
 * audio features, as merged catalogs are) and a public playlist corpus; the listener signs up, imports their basic
 * account-data export (names only, with "feat.", remaster, edit and live decorations) and asks for music. The import
 * says how many plays matched a catalog track; the answer comes from a personal model, not popularity; no two picks
 * share a reason and no reason cites a feature the catalog did not measure; and a request nothing fits is answered by
 * letting the weakest wish go, saying so.
 */
@Order(Order.DEFAULT + 1)
class RealListenerTest {

    private static final int TRACKS = 4_000;
    private static final double UNMEASURED = 0.3;
    private static final int PLAYLISTS = 300;
    private static final int PLAYS = 2_000;

    @TempDir
    Path temp;

    @Test
    void aListenersOwnExportGetsPersonalTrulyExplainedMusic() throws IOException {
        StackSettings settings = RunningServices.ensureUp();
        ScaleCorpus world = new ScaleCorpus(1_968, TRACKS, TRACKS / 10);
        Map<String, Integer> byUri = new HashMap<>();
        for (int t = 0; t < TRACKS; t++) {
            byUri.put(world.trackUri(t), t);
        }
        Path catalog = temp.resolve("catalog.csv");
        try (Writer out = Files.newBufferedWriter(catalog, StandardCharsets.UTF_8)) {
            world.writeCatalogCsv(out, TRACKS, UNMEASURED);
        }
        Path corpus = temp.resolve("mpd.zip");
        try (OutputStream out = Files.newOutputStream(corpus)) {
            world.writeMpdZip(out, 60_000_000, PLAYLISTS, 1_000, (pid, tracks) -> {});
        }
        Path export = temp.resolve("StreamingHistory_music_0.json");
        try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            world.writeBasicExport(out, PLAYS, 7);
        }
        String user = "listener-" + Long.toHexString(System.nanoTime()).substring(4);
        String token = RunningServices.token(user);
        String operator = TestTokens.admin("listener-operator");

        try (StackProbes probes = new StackProbes(settings)) {
            CorpusImports imports = new CorpusImports(settings, probes);
            imports.importAndFold(
                    "catalog",
                    catalog,
                    operator,
                    "/api/imports",
                    List.of(Topics.CATALOG_TRACKS, Topics.CATALOG_ARTISTS));
            imports.importAndFold("corpus", corpus, operator, "/api/imports", List.of(Topics.PLAYLISTS));
            CorpusImports.Stage history = imports.importAndFold(
                    "export", export, token, "/api/users/" + user + "/imports", List.of(Topics.PLAYS));

            // The report says how the plays were resolved: most by name, as the export carries no ids.
            JsonPath job = history.job();
            System.out.println("[listener] play matches: " + job.getMap("playMatches"));
            assertThat(job.getString("summary"))
                    .contains(String.format(java.util.Locale.ROOT, "of %,d plays have a Spotify track", PLAYS));
            assertThat(job.getLong("playMatches.PLAYS_MATCHED_BY_NAME")).isGreaterThanOrEqualTo((long) (PLAYS * 0.85));
        }

        // A personal model, not popularity, once one is trained with the listener's plays in it.
        JsonPath[] answer = {null};
        boolean personal = CorpusImports.waitFor(Duration.ofMinutes(4), () -> {
            answer[0] = recommendations(settings, user, token, "k=20");
            String kind = answer[0].getString("modelKind");
            return kind != null && !kind.startsWith("popularity");
        });
        assertThat(personal)
                .as("a personal model serves the listener (last: %s)", answer[0].getString("modelKind"))
                .isTrue();

        List<Map<String, Object>> items = answer[0].getList("items");
        assertThat(items).hasSize(20);
        List<String> reasons = answer[0].getList("items.reasons.flatten().text", String.class);
        assertThat(reasons).as("the answer's reasons").doesNotHaveDuplicates();
        for (Map<String, Object> item : items) {
            int t = byUri.getOrDefault((String) item.get("trackId"), -1);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> why = (List<Map<String, Object>>) item.get("reasons");
            if (t >= 0 && world.unmeasured(t, UNMEASURED)) {
                assertThat(item.get("energy"))
                        .as("an unmeasured energy is not shown")
                        .isNull();
                assertThat(why)
                        .as("an unmeasured track is not said to sound like anything")
                        .noneMatch(r -> "SOUND".equals(r.get("type")) || "MOOD".equals(r.get("type")));
            }
            for (Map<String, Object> reason : why) {
                if ("SOUND".equals(reason.get("type"))) {
                    int like = byUri.getOrDefault((String) reason.get("trackId"), -1);
                    assertThat(like >= 0 && world.unmeasured(like, UNMEASURED))
                            .as("a sound is compared with a measured track: %s", reason)
                            .isFalse();
                }
            }
        }

        // The catalog's features are derived in the background after its import: calm jazz exists once they reach
        // the recommender.
        boolean derived = CorpusImports.waitFor(Duration.ofSeconds(90), () -> {
            JsonPath calmJazz = recommendations(settings, user, token, "k=5&mood=calm&genre=jazz");
            return !calmJazz.getList("items").isEmpty()
                    && calmJazz.getList("relaxed").isEmpty();
        });
        assertThat(derived).as("calm jazz tracks are served within 90 s").isTrue();

        // Nothing in this catalog has a release year: the era is let go, the rest of the wish kept.
        JsonPath chat = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"message\": \"calm jazz from the 60s\"}")
                .post(settings.serviceUrl("chat-gateway") + "/api/chat")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(chat.getString("reply")).contains("left out the era");
        List<String> tracks = chat.getList("tracks.trackId", String.class);
        assertThat(tracks).isNotEmpty();
        // Other tests' catalogs share the stack: this world's tracks among the answer are its jazz.
        for (String id : tracks) {
            if (byUri.containsKey(id)) {
                assertThat(world.genre(byUri.get(id))).as(id).isEqualTo("jazz");
            }
        }
    }

    private static JsonPath recommendations(StackSettings settings, String user, String token, String query) {
        return given().auth()
                .oauth2(token)
                .get(settings.serviceUrl("recommender-service") + "/api/users/" + user + "/recommendations?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
