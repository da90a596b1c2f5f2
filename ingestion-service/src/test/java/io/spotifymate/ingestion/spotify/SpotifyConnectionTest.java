package io.spotifymate.ingestion.spotify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spotify connection end to end, against a local server speaking Spotify's protocol and the real stack: PKCE
 * login, encrypted tokens, a sync that survives an expired token, a 429 and a 503, dedupe against the imported export,
 * the cursor, the backfill and lookups, and never a removed endpoint.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@WithTestResource(FakeSpotify.class)
class SpotifyConnectionTest {

    private static final String BRIGHTSIDE = "3n3Ppam7vgaVa1iaRUc9Lp";
    private static final String TOXIC = "6I9VzXrHxO9rA9A5euc8Ak";
    private static final String HALO = "4JehYebiI9JE8sR8MisGVb";
    private static final String WITHOUT_ME = "7lQ8MOhq6IN2w8EYcFNSUk";

    private final StackSettings stack = TestStack.ensureUp();

    /** Connects the user the way a browser would, and returns the state Spotify was given. */
    private static String connect(String user) {
        String location = given().redirects()
                .follow(false)
                .get("/api/users/{u}/spotify/login", user)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        Map<String, String> query = query(URI.create(location));
        assertThat(location).startsWith("http://127.0.0.1:").contains("/authorize?");
        assertThat(query)
                .containsEntry("client_id", FakeSpotify.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "redirect_uri", "scope");
        String code = "code-" + UUID.randomUUID();
        FakeSpotify.server.approve(code, query.get("code_challenge"));
        given().queryParam("code", code)
                .queryParam("state", query.get("state"))
                .get("/api/spotify/callback")
                .then()
                .statusCode(200)
                .body("connected", equalTo(true))
                .body("userId", equalTo(user));
        return query.get("state");
    }

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner();
    }

    @Test
    void aUserConnectsWithPkceAndTheTokensAreStoredEncrypted() {
        String user = "pkce-" + UUID.randomUUID();
        String state = connect(user);

        SpotifyConnection stored = QuarkusTransaction.requiringNew().call(() -> SpotifyConnection.findById(user));
        String plain = FakeSpotify.server.currentAccessToken();
        assertThat(stored.accessToken).doesNotContain(plain);
        assertThat(stored.refreshToken).doesNotContain("refresh-");
        assertThat(new TokenCipher(FakeSpotify.TOKEN_KEY).decrypt(stored.accessToken, user))
                .isEqualTo(plain);

        given().queryParam("code", "code-again")
                .queryParam("state", state)
                .get("/api/spotify/callback")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("state is unknown, used or expired"));
        given().get("/api/users/{u}/spotify", user)
                .then()
                .statusCode(200)
                .body("connected", equalTo(true))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("accessToken")));
    }

    @Test
    void aSyncBringsNewPlaysOnlyRidesOutExpiryRateLimitAndOutageAndMovesItsCursor() {
        String user = "sync-" + UUID.randomUUID();
        FakeSpotify spotify = FakeSpotify.server;
        ObjectNode brightside =
                spotify.track(BRIGHTSIDE, "Mr. Brightside", "The Killers", "Hot Fuss", 222_973, "2004-06-07");
        ObjectNode toxic = spotify.track(TOXIC, "Toxic", "Britney Spears", "In The Zone", 198_800, "2003-11-13");
        ObjectNode halo = spotify.track(HALO, "Halo", "Beyoncé", "I Am... Sasha Fierce", 261_640, "2008-11-14");
        ObjectNode withoutMe =
                spotify.track(WITHOUT_ME, "Without Me", "Eminem", "The Eminem Show", 290_320, "2002-05-26");
        // The export this user imported ends with Mr. Brightside at 20:15:30; Spotify still lists that play.
        Instant exported = Instant.parse("2026-11-20T20:15:30Z");
        String export = "[{\"ts\": \"" + exported + "\", \"platform\": \"android\", \"ms_played\": 187000, "
                + "\"master_metadata_track_name\": \"Mr. Brightside\", \"master_metadata_album_artist_name\": "
                + "\"The Killers\", \"master_metadata_album_album_name\": \"Hot Fuss\", \"spotify_track_uri\": "
                + "\"spotify:track:" + BRIGHTSIDE
                + "\", \"reason_start\": \"clickrow\", \"reason_end\": \"trackdone\", "
                + "\"shuffle\": false, \"skipped\": false, \"offline\": false}]";
        importFor(user, "Streaming_History_Audio_2026.json", export);
        spotify.played(brightside, exported.plusMillis(412));
        spotify.played(toxic, exported.plusSeconds(400));
        spotify.played(halo, exported.plusSeconds(700));
        spotify.saved(withoutMe, Instant.parse("2025-01-01T00:00:00Z"));
        // Two pages of saved tracks: the backfill follows `next`.
        for (int i = 0; i < 59; i++) {
            String id = String.format("%022d", i).replace('0', 'S');
            spotify.saved(
                    spotify.track(id, "Saved " + i, "Library Artist", "Library", 200_000, "2020-01-01"),
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i));
        }
        spotify.top(halo);
        spotify.top(toxic);
        connect(user);
        spotify.expireAccessToken();
        spotify.failNext(429, 503);

        JsonPath first = given().post("/api/users/{u}/spotify/sync", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(first.getInt("recentlyPlayed")).as("Toxic and Halo are new").isEqualTo(2);
        assertThat(first.getInt("alreadyInExport"))
                .as("Mr. Brightside came with the export")
                .isEqualTo(1);
        assertThat(first.getInt("tokenRefreshes")).isEqualTo(1);
        assertThat(first.getInt("rateLimitedWaits")).isEqualTo(1);
        assertThat(first.getInt("serverErrorRetries")).isEqualTo(1);
        assertThat(first.getInt("savedTracks")).isEqualTo(60);
        assertThat(spotify.requests)
                .anyMatch(request -> request.startsWith("GET /v1/me/tracks?") && request.contains("offset=50"));
        assertThat(first.getInt("topTracks")).isEqualTo(6);
        assertThat(first.getLong("recentlyPlayedCursor"))
                .isEqualTo(exported.plusSeconds(700).toEpochMilli());

        ObjectNode latest = spotify.track(
                HALO.substring(0, 21) + "x", "Single Ladies", "Beyoncé", "I Am...", 193_000, "2008-10-13");
        spotify.played(latest, exported.plusSeconds(1000));
        JsonPath second = given().post("/api/users/{u}/spotify/sync", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(second.getInt("recentlyPlayed")).isEqualTo(1);
        assertThat(second.getInt("savedTracks")).as("the backfill runs once").isZero();
        assertThat(spotify.requests)
                .anyMatch(request -> request.contains("/v1/me/player/recently-played?")
                        && request.contains("after=" + exported.plusSeconds(700).toEpochMilli()));
        assertThat(spotify.requests)
                .as("removed endpoints are never called")
                .noneMatch(request -> request.contains("/v1/recommendations")
                        || request.contains("/v1/audio-features")
                        || request.contains("/v1/audio-analysis")
                        || request.contains("related-artists"));

        List<PlayRecorded> plays =
                read(Topics.PLAYS, PlayRecorded.class, play -> play.userId().equals(user), 4);
        assertThat(plays.stream().filter(play -> play.source().equals("spotify-api")))
                .extracting(PlayRecorded::trackName)
                .containsExactlyInAnyOrder("Toxic", "Halo", "Single Ladies");
        FeedbackGiven like = read(
                        Topics.FEEDBACK, FeedbackGiven.class, f -> f.userId().equals(user), 1)
                .get(0);
        assertThat(like.kind()).isEqualTo(FeedbackGiven.Kind.LIKE);
        assertThat(like.targetId()).isEqualTo("spotify:track:" + WITHOUT_ME);
        PlaylistImported longTerm = read(
                        Topics.PLAYLISTS,
                        PlaylistImported.class,
                        p -> p.playlistId().equals("spotify-top:" + user + ":long_term"),
                        1)
                .get(0);
        assertThat(longTerm.ownerUserId()).isEqualTo(user);
        assertThat(longTerm.tracks())
                .extracting(PlaylistImported.Entry::trackName)
                .containsExactly("Halo", "Toxic");
    }

    @Test
    void aTrackAnImportNamedButTheCatalogLacksIsLookedUpOnTheNextSync() {
        String user = "lookup-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        FakeSpotify.server.track(id, "Rare B-Side", "Obscure Band", "Demos", 180_000, "1999");
        String listen = "{\"listened_at\": 1732000000, \"track_metadata\": {\"track_name\": \"Rare B-Side\", "
                + "\"artist_name\": \"Obscure Band\", \"additional_info\": {\"spotify_id\": "
                + "\"https://open.spotify.com/track/" + id + "\"}}}\n";
        importFor(user, "listens.jsonl", listen);
        connect(user);

        JsonPath report = given().post("/api/users/{u}/spotify/sync", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getInt("lookups")).isEqualTo(1);
        TrackCataloged entry = read(
                        Topics.CATALOG_TRACKS,
                        TrackCataloged.class,
                        t -> t.trackId().equals("spotify:track:" + id),
                        1)
                .get(0);
        assertThat(entry.source()).isEqualTo("spotify-api");
        assertThat(entry.releaseYear()).isEqualTo(1999);
        assertThat(FakeSpotify.server.requests).anyMatch(request -> request.equals("GET /v1/tracks/" + id));
    }

    @Test
    void syncingAUserWhoNeverConnectedIsA404Problem() {
        given().post("/api/users/{u}/spotify/sync", "stranger-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("has not connected a Spotify account"));
    }

    @Test
    void aPlaylistIsExportedInOrderInChunksOfAHundredAndTracksWithoutASpotifyIdAreListedAsSkipped() {
        String user = "export-" + UUID.randomUUID();
        connect(user);
        List<String> trackIds = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            trackIds.add("spotify:track:" + String.format("%022d", i));
        }
        trackIds.add(3, "local:track:0123456789abcdef");
        String body = "{\"name\": \"Calm journey\", \"trackIds\": [%s]}"
                .formatted(trackIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")));

        JsonPath exported = given().contentType("application/json")
                .body(body)
                .post("/api/users/{u}/spotify/playlists", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        String playlistId = exported.getString("spotifyPlaylistId");
        assertThat(exported.getInt("added")).isEqualTo(150);
        assertThat(exported.getList("skipped", String.class)).containsExactly("local:track:0123456789abcdef");
        assertThat(exported.getString("url")).endsWith("/playlist/" + playlistId);
        ObjectNode created = FakeSpotify.server.playlists.get(playlistId);
        assertThat(created.get("name").asText()).isEqualTo("Calm journey");
        assertThat(created.get("public").asBoolean()).as("private").isFalse();
        List<String> items = new java.util.ArrayList<>();
        created.get("items").forEach(item -> items.add(item.asText()));
        assertThat(items)
                .isEqualTo(trackIds.stream()
                        .filter(id -> id.startsWith("spotify:"))
                        .toList());
        assertThat(FakeSpotify.server.requests.stream()
                        .filter(r -> r.equals("POST /v1/playlists/" + playlistId + "/tracks"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void exportingForAUserWhoNeverConnectedIsA409SayingToConnectFirst() {
        given().contentType("application/json")
                .body("{\"name\": \"x\", \"trackIds\": [\"spotify:track:0000000000000000000001\"]}")
                .post("/api/users/{u}/spotify/playlists", "stranger-" + UUID.randomUUID())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("connect it first"));
    }

    /** Where each topic ended when the test began: the test reads only what came after. */
    private final Map<String, Map<Integer, Long>> startOffsets = new java.util.HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void rememberWhereTopicsEnd() {
        TopicReader reader = new TopicReader(stack.kafkaBootstrap());
        for (String topic : List.of(Topics.PLAYS, Topics.FEEDBACK, Topics.PLAYLISTS, Topics.CATALOG_TRACKS)) {
            startOffsets.put(topic, reader.endOffsets(topic));
        }
    }

    private <T extends io.spotifymate.events.SpotifyMateEvent> List<T> read(
            String topic, Class<T> type, Predicate<T> wanted, int count) {
        return new TopicReader(stack.kafkaBootstrap())
                .events(topic, startOffsets.get(topic), type, wanted, count, Duration.ofSeconds(20));
    }

    /** Imports a file for the user and waits for the job to end. */
    private static void importFor(String user, String fileName, String content) {
        String job = given().multiPart("file", fileName, content.getBytes(StandardCharsets.UTF_8))
                .post("/api/users/{u}/imports", user)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/users/{u}/imports/{id}", user, job)
                        .jsonPath()
                        .getBoolean("finished"));
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> java.net.URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }
}
