package io.spotifymate.recommender;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.FeedbackGiven;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.events.RecommendationsServed;
import io.spotifymate.events.Topics;
import io.spotifymate.recommender.catalog.Catalog;
import io.spotifymate.recommender.fixtures.ArtifactServer;
import io.spotifymate.recommender.fixtures.FeatureStoreRows;
import io.spotifymate.recommender.fixtures.MusicFixture;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The recommender against the real stack: its catalog and listeners written to Cassandra as the feature-service
 * would, promotions through Kafka, artifacts over HTTP, feedback and served records back to Kafka, playlists in
 * PostgreSQL. The first test runs before any model; every later one after the first promotion.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@WithTestResource(ArtifactServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommenderServiceTest {

    private static final String RUN =
            UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private static final MusicFixture WORLD = MusicFixture.generate(RUN, 45, 8);
    private static final String ROCKER = "rocker-" + RUN;
    private static final String ROCKER_TWIN = "twin-" + RUN;
    private static final String ROCK = WORLD.genre(0);
    private static final String JAZZ = WORLD.genre(1);
    private static final String ELECTRONIC = WORLD.genre(2);
    private static boolean written;

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    @Inject
    Catalog catalog;

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner();
    }

    @BeforeEach
    void worldInTheStore() {
        if (written) {
            return;
        }
        FeatureStoreRows rows = new FeatureStoreRows(session);
        rows.catalog(WORLD);
        // Both rockers played the first two tracks of the first six rock artists.
        List<MusicFixture.FixtureTrack> rockPlays = new ArrayList<>();
        List<MusicFixture.FixtureTrack> rock = WORLD.ofStyle(0);
        for (int a = 0; a < 6; a++) {
            rockPlays.add(rock.get(a * 8));
            rockPlays.add(rock.get(a * 8 + 1));
        }
        rows.played(ROCKER, rockPlays, 6, Instant.now().minusSeconds(3600));
        rows.played(ROCKER_TWIN, rockPlays, 6, Instant.now().minusSeconds(3600));
        // Electronic artists 2 and 5 share twenty playlists, each with a few of their tracks and one jazz track.
        List<MusicFixture.FixtureTrack> electronic = WORLD.ofStyle(2);
        for (int p = 0; p < 20; p++) {
            rows.playlist(
                    "test:" + RUN + ":" + p,
                    "Mix " + p,
                    List.of(
                            electronic.get(8 + p % 8).trackId(),
                            electronic.get(5 * 8 + p % 8).trackId(),
                            electronic.get(5 * 8 + (p + 3) % 8).trackId(),
                            WORLD.ofStyle(1).get(p).trackId()));
        }
        catalog.refresh();
        written = true;
    }

    private static JsonPath recommend(String user, String query) {
        return given().get("/api/users/{u}/recommendations?" + query, user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static MusicFixture.FixtureTrack track(String trackId) {
        return WORLD.tracks().stream()
                .filter(t -> t.trackId().equals(trackId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(trackId + " is not of this test's world"));
    }

    private String publish(String version, byte[] artifact) {
        String sha = ArtifactServer.server.put(version, artifact);
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.send(new ModelPublished(
                    EventIds.random(), Instant.now(), 1, "recommender", version, "ials", sha, Map.of(), 2));
        }
        return sha;
    }

    private static String served() {
        return given().auth()
                .oauth2(TestTokens.user(ROCKER))
                .get("/api/serving-model")
                .jsonPath()
                .getString("versionId");
    }

    private static void awaitServing(String version) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> version.equals(served()));
    }

    private byte[] model(String kind) {
        return WORLD.factorModel(kind, Map.of(ROCKER, 0, ROCKER_TWIN, 0)).toBytes();
    }

    @Test
    @Order(1)
    void beforeAnyModelTheMostPopularTracksAreServedAndSaidToBeAFallback() {
        assertThat(given().auth()
                        .oauth2(TestTokens.user(ROCKER))
                        .get("/api/serving-model")
                        .jsonPath()
                        .getBoolean("loaded"))
                .isFalse();

        JsonPath answer = recommend("nobody-" + RUN, "k=5&genre=" + ROCK);

        assertThat(answer.getString("status")).isEqualTo("FALLBACK");
        assertThat(answer.getString("message")).contains("No model has been published yet: these are the most popular");
        assertThat(answer.getList("items")).hasSize(5);
        assertThat(answer.getList("items.source", String.class)).containsOnly("popularity");
        assertThat(answer.getList("items.trackId", String.class))
                .allSatisfy(id -> assertThat(track(id).style()).isZero());
        // A listener with plays gets, besides, what sounds like them, and is told so.
        JsonPath rocker = recommend(ROCKER, "k=5");
        assertThat(rocker.getString("status")).isEqualTo("FALLBACK");
        assertThat(rocker.getString("message")).contains("sound like what you play");
        assertThat(rocker.getList("items.reason", String.class))
                .anySatisfy(r -> assertThat(r).startsWith("Sounds like "));
    }

    @Test
    @Order(2)
    void aPromotedModelIsLoadedOverHttpAndServesTheListenersStyleWithTrueExplanations() {
        publish("v1-" + RUN, model("ials"));
        awaitServing("v1-" + RUN);

        JsonPath answer = recommend(ROCKER, "k=20");

        assertThat(answer.getString("status")).isEqualTo("OK");
        assertThat(answer.getString("modelVersion")).isEqualTo("v1-" + RUN);
        List<String> ids = answer.getList("items.trackId", String.class);
        assertThat(ids).hasSize(20);
        Set<String> played = playedBy();
        assertThat(ids).doesNotContainAnyElementsOf(played);
        long rock = ids.stream().filter(id -> track(id).style() == 0).count();
        assertThat(rock).isGreaterThanOrEqualTo(15);
        List<Map<String, Object>> reasons = answer.getList("items.reasons.flatten()");
        assertThat(reasons).isNotEmpty();
        for (Map<String, Object> reason : reasons) {
            if ("PLAYED".equals(reason.get("type"))) {
                String because = (String) reason.get("trackId");
                assertThat(played).contains(because);
                assertThat((String) reason.get("text"))
                        .isEqualTo("Because you played " + track(because).name() + " by "
                                + track(because).artistName());
            }
        }
        assertThat(answer.getList("items.reason", String.class))
                .allSatisfy(r -> assertThat(r).isNotBlank());
    }

    private static Set<String> playedBy() {
        Set<String> played = new HashSet<>();
        List<MusicFixture.FixtureTrack> rock = WORLD.ofStyle(0);
        for (int a = 0; a < 6; a++) {
            played.add(rock.get(a * 8).trackId());
            played.add(rock.get(a * 8 + 1).trackId());
        }
        return played;
    }

    @Test
    @Order(3)
    void everyFilterHolds() {
        JsonPath calmJazz = recommend(ROCKER, "k=10&mood=calm&genre=" + JAZZ);
        assertThat(calmJazz.getList("items")).isNotEmpty();
        for (Map<String, Object> item : calmJazz.<Map<String, Object>>getList("items")) {
            MusicFixture.FixtureTrack t = track((String) item.get("trackId"));
            assertThat(t.style()).isEqualTo(1);
            assertThat(t.audio()[1]).isLessThanOrEqualTo(0.45);
            assertThat(t.audio()[4]).isGreaterThanOrEqualTo(0.35);
            // The measured values, each called high or low only where it stands out in the catalog.
            assertThat((String) item.get("reason"))
                    .contains("matches calm: ")
                    .contains(String.format(java.util.Locale.ROOT, "energy %.2f", t.audio()[1]))
                    .contains(String.format(java.util.Locale.ROOT, "acousticness %.2f", t.audio()[4]));
        }

        JsonPath ranged = recommend(ROCKER, "k=20&genre=" + ELECTRONIC + "&energy=0.5-0.95&tempo=80-160&era=1980s");
        assertThat(ranged.getList("items")).isNotEmpty();
        for (String id : ranged.getList("items.trackId", String.class)) {
            MusicFixture.FixtureTrack t = track(id);
            assertThat(t.style()).isEqualTo(2);
            assertThat(t.year()).isBetween(1980, 1989);
            assertThat(t.audio()[1]).isBetween(0.5, 0.95);
            assertThat(t.audio()[8]).isBetween(80.0, 160.0);
        }

        Set<String> knownArtists =
                playedBy().stream().map(id -> track(id).artistName()).collect(Collectors.toSet());
        JsonPath discovery = recommend(ROCKER, "k=15&familiarity=hard&genre=" + ROCK);
        assertThat(discovery.getList("items.artistName", String.class))
                .isNotEmpty()
                .doesNotContainAnyElementsOf(knownArtists);
        // Each new artist is said to be new once (a second pick of theirs would repeat the very words).
        List<String> reasons = discovery.getList("items.reason", String.class);
        List<String> artists = discovery.getList("items.artistName", String.class);
        for (int i = 0; i < reasons.size(); i++) {
            if (artists.indexOf(artists.get(i)) == i) {
                assertThat(reasons.get(i)).contains("New artist for you: " + artists.get(i));
            }
        }
        JsonPath familiar = recommend(ROCKER, "k=15&familiarity=easy");
        assertThat(familiar.getList("items.artistName", String.class))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(knownArtists).contains(a));

        // Played an hour ago: excluded by "the last day", back with "the last 0 days".
        assertThat(recommend(ROCKER, "k=100&familiarity=easy&excludeRecentDays=1&maxPerArtist=10")
                        .getList("items.trackId", String.class))
                .doesNotContainAnyElementsOf(playedBy());
        assertThat(recommend(ROCKER, "k=100&familiarity=easy&excludeRecentDays=0&maxPerArtist=10")
                        .getList("items.trackId", String.class))
                .containsAnyElementsOf(playedBy());
    }

    @Test
    @Order(3)
    void theArtistCapHoldsByDefaultAndAsAsked() {
        for (String query : List.of("k=40&genre=" + ROCK, "k=30&maxPerArtist=1&genre=" + ROCK)) {
            int cap = query.contains("maxPerArtist=1") ? 1 : 2;
            Map<String, Long> perArtist = recommend(ROCKER, query).getList("items.artistName", String.class).stream()
                    .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
            assertThat(perArtist).isNotEmpty();
            assertThat(perArtist.values()).allMatch(n -> n <= cap);
        }
    }

    @Test
    @Order(3)
    void badParametersAre400ProblemsNamingTheParameter() {
        given().get("/api/users/{u}/recommendations?mood=grumpy", ROCKER)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("mood"))
                .body("detail", containsString("calm"));
        given().get("/api/users/{u}/recommendations?tempo=very", ROCKER)
                .then()
                .statusCode(400)
                .body("field", equalTo("tempo"));
        given().get("/api/users/{u}/recommendations?k=0", ROCKER)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("k"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\": \"LOVE\", \"target\": \"TRACK\", \"targetId\": \"x\"}")
                .post("/api/users/{u}/feedback", ROCKER)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void feedbackIsDurableInKafkaAndTheVeryNextAnswerReflectsItForThatUserOnly() {
        Map<Integer, Long> feedbackStart = new TopicReader(stack.kafkaBootstrap()).endOffsets(Topics.FEEDBACK);
        List<String> before = recommend(ROCKER, "k=10&genre=" + ROCK).getList("items.trackId", String.class);
        String banned = before.get(0);
        String artistBanned = track(before.get(1)).artistName();

        String eventId = given().contentType(ContentType.JSON)
                .body("{\"kind\": \"BAN\", \"target\": \"TRACK\", \"targetId\": \"%s\"}".formatted(banned))
                .post("/api/users/{u}/feedback", ROCKER)
                .then()
                .statusCode(202)
                .extract()
                .path("eventId");
        given().contentType(ContentType.JSON)
                .body("{\"kind\": \"DISLIKE\", \"target\": \"ARTIST\", \"targetId\": \"%s\"}".formatted(artistBanned))
                .post("/api/users/{u}/feedback", ROCKER)
                .then()
                .statusCode(202);

        JsonPath after = recommend(ROCKER, "k=30&genre=" + ROCK);
        assertThat(after.getList("items.trackId", String.class)).doesNotContain(banned);
        assertThat(after.getList("items.artistName", String.class)).doesNotContain(artistBanned);
        // The twin has the same history and said nothing: their answer still holds both.
        JsonPath twin = recommend(ROCKER_TWIN, "k=30&genre=" + ROCK);
        assertThat(twin.getList("items.trackId", String.class)).contains(banned);
        assertThat(twin.getList("items.artistName", String.class)).contains(artistBanned);

        List<FeedbackGiven> events = new TopicReader(stack.kafkaBootstrap())
                .events(
                        Topics.FEEDBACK,
                        feedbackStart,
                        FeedbackGiven.class,
                        f -> f.eventId().equals(eventId),
                        1,
                        Duration.ofSeconds(20));
        assertThat(events).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(ROCKER);
            assertThat(f.kind()).isEqualTo(FeedbackGiven.Kind.BAN);
            assertThat(f.targetId()).isEqualTo(banned);
        });
    }

    @Test
    @Order(4)
    void moreLikeThisTurnsTheNextAnswerTowardsThatSound() {
        String user = "curious-" + RUN;
        new FeatureStoreRows(session)
                .played(user, WORLD.ofStyle(0).subList(0, 6), 3, Instant.now().minusSeconds(7200));
        long jazzBefore = recommend(user, "k=10").getList("items.trackId", String.class).stream()
                .filter(id -> WORLD.tracks().stream().anyMatch(t -> t.trackId().equals(id) && t.style() == 1))
                .count();
        String jazz = WORLD.ofStyle(1).get(3).trackId();

        given().contentType(ContentType.JSON)
                .body("{\"kind\": \"MORE_LIKE_THIS\", \"target\": \"TRACK\", \"targetId\": \"%s\"}".formatted(jazz))
                .post("/api/users/{u}/feedback", user)
                .then()
                .statusCode(202);

        List<String> after = recommend(user, "k=10").getList("items.trackId", String.class);
        long jazzAfter = after.stream()
                .filter(id -> WORLD.tracks().stream().anyMatch(t -> t.trackId().equals(id) && t.style() == 1))
                .count();
        assertThat(jazzAfter).isGreaterThan(jazzBefore).isGreaterThanOrEqualTo(5);
        assertThat(after).doesNotContain(jazz);
    }

    @Test
    @Order(4)
    void everyAnswerIsRecordedAsRecommendationsServedWithItsModelVersion() {
        Map<Integer, Long> start = new TopicReader(stack.kafkaBootstrap()).endOffsets(Topics.RECOMMENDATIONS_SERVED);
        JsonPath answer = recommend(ROCKER_TWIN, "k=7&mood=energetic&genre=" + ROCK);
        String requestId = answer.getString("requestId");

        List<RecommendationsServed> served = new TopicReader(stack.kafkaBootstrap())
                .events(
                        Topics.RECOMMENDATIONS_SERVED,
                        start,
                        RecommendationsServed.class,
                        e -> e.requestId().equals(requestId),
                        1,
                        Duration.ofSeconds(20));

        assertThat(served).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo(ROCKER_TWIN);
            assertThat(e.modelVersion()).isEqualTo(answer.getString("modelVersion"));
            assertThat(e.context()).containsEntry("mood", "energetic").containsEntry("k", "7");
            assertThat(e.items())
                    .extracting(RecommendationsServed.Item::trackId)
                    .containsExactlyElementsOf(answer.getList("items.trackId", String.class));
            assertThat(e.items()).extracting(RecommendationsServed.Item::rank).startsWith(1, 2);
        });
    }

    @Test
    @Order(4)
    void aPlaylistIsContinuedForAnAnonymousListenerFromWhatSharesItsPlaylists() {
        List<MusicFixture.FixtureTrack> electronic = WORLD.ofStyle(2);
        List<String> seeds =
                List.of(electronic.get(8).trackId(), electronic.get(9).trackId());

        JsonPath answer = given().auth()
                .oauth2(TestTokens.user(ROCKER))
                .contentType(ContentType.JSON)
                .body("{\"trackIds\": [\"%s\", \"%s\"], \"k\": 10}".formatted(seeds.get(0), seeds.get(1)))
                .post("/api/recommendations/continue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<String> ids = answer.getList("items.trackId", String.class);
        assertThat(ids).hasSize(10).doesNotContainAnyElementsOf(seeds);
        String partner =
                WORLD.tracks().get(WORLD.tracks().indexOf(electronic.get(40))).artistName();
        assertThat(answer.getList("items.artistName", String.class)).contains(partner);
        List<Map<String, Object>> reasons = answer.getList("items.reasons.flatten()");
        assertThat(reasons).anySatisfy(r -> {
            assertThat(r.get("type")).isEqualTo("CO_OCCURRENCE");
            assertThat(seeds).contains((String) r.get("trackId"));
            assertThat((String) r.get("text")).matches("In \\d+ playlists? with .*");
        });
        given().auth()
                .oauth2(TestTokens.user(ROCKER))
                .contentType(ContentType.JSON)
                .body("{\"trackIds\": []}")
                .post("/api/recommendations/continue")
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("trackIds"));
    }

    @Test
    @Order(4)
    void aNewListenerPicksAFewArtistsAndIsAnsweredFromThemAtOnce() {
        String newbie = "newbie-" + RUN;
        JsonPath cold = recommend(newbie, "k=5&genre=" + JAZZ);
        assertThat(cold.getString("message")).contains("no plays yet");
        List<String> jazzArtists = given().auth()
                .oauth2(TestTokens.user(newbie))
                .get("/api/onboarding/artists?genre=" + JAZZ + "&limit=3")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name", String.class);
        assertThat(jazzArtists).hasSize(3).allSatisfy(a -> assertThat(a).contains(RUN));

        JsonPath personal = given().contentType(ContentType.JSON)
                .body("{\"artists\": [\"%s\", \"%s\"], \"k\": 10}".formatted(jazzArtists.get(0), jazzArtists.get(1)))
                .post("/api/users/{u}/onboarding", newbie)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        long jazz = personal.getList("items.trackId", String.class).stream()
                .filter(id -> WORLD.tracks().stream().anyMatch(t -> t.trackId().equals(id) && t.style() == 1))
                .count();
        assertThat(jazz).isGreaterThanOrEqualTo(7);
        assertThat(personal.getString("message")).isNull();
    }

    @Test
    @Order(5)
    void playlistsHonourTheirConstraintsAndBelongToTheirUserOnly() {
        String user = ROCKER_TWIN;
        JsonPath created = given().contentType(ContentType.JSON)
                .body("""
                        {"name": "Evening run", "lengthTracks": 12, "arc": "warm-up-peak-cool-down",
                         "genre": "%s", "maxPerArtist": 1}""".formatted(ROCK))
                .post("/api/users/{u}/playlists", user)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        List<String> ids = created.getList("tracks.trackId", String.class);
        assertThat(ids)
                .hasSize(12)
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(track(t).style()).isZero());
        assertThat(created.getList("tracks.artistName", String.class)).doesNotHaveDuplicates();
        List<Double> energy = ids.stream().map(t -> track(t).audio()[1]).toList();
        int peak = energy.indexOf(energy.stream().max(Double::compare).orElseThrow());
        for (int i = 1; i < energy.size(); i++) {
            if (i <= peak) {
                assertThat(energy.get(i)).isGreaterThanOrEqualTo(energy.get(i - 1));
            } else {
                assertThat(energy.get(i)).isLessThanOrEqualTo(energy.get(i - 1));
            }
        }

        JsonPath timed = given().contentType(ContentType.JSON)
                .body("{\"lengthMinutes\": 30, \"mood\": \"calm\", \"genre\": \"%s\"}".formatted(JAZZ))
                .post("/api/users/{u}/playlists", user)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(timed.getLong("durationMs")).isBetween(27 * 60_000L, 33 * 60_000L);
        assertThat(timed.getString("name"))
                .isEqualTo("Calm " + JAZZ.substring(0, 1).toUpperCase() + JAZZ.substring(1) + " mix");

        // Rename, reorder, add, remove, refresh: each kept in PostgreSQL.
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Night run\"}")
                .patch("/api/users/{u}/playlists/{id}", user, id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Night run"));
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        given().contentType(ContentType.JSON)
                .body(Map.of("trackIds", reversed))
                .put("/api/users/{u}/playlists/{id}/tracks", user, id)
                .then()
                .statusCode(200);
        assertThat(given().get("/api/users/{u}/playlists/{id}", user, id)
                        .jsonPath()
                        .getList("tracks.trackId", String.class))
                .isEqualTo(reversed);
        given().contentType(ContentType.JSON)
                .body(Map.of("trackIds", List.of(reversed.get(0))))
                .put("/api/users/{u}/playlists/{id}/tracks", user, id)
                .then()
                .statusCode(400)
                .body("field", equalTo("trackIds"));
        String extra = WORLD.ofStyle(1).get(0).trackId();
        given().contentType(ContentType.JSON)
                .body(Map.of("trackIds", List.of(extra), "position", 0))
                .post("/api/users/{u}/playlists/{id}/tracks", user, id)
                .then()
                .statusCode(200)
                .body("tracks[0].trackId", equalTo(extra))
                .body("tracksCount", equalTo(13));
        given().contentType(ContentType.JSON)
                .body(Map.of("trackIds", List.of(extra)))
                .post("/api/users/{u}/playlists/{id}/tracks", user, id)
                .then()
                .statusCode(400)
                .body("detail", containsString("already in the playlist"));
        given().delete("/api/users/{u}/playlists/{id}/tracks/{t}", user, id, extra)
                .then()
                .statusCode(200)
                .body("tracksCount", equalTo(12));
        List<String> refreshed = given().post("/api/users/{u}/playlists/{id}/refresh?fresh=true", user, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tracks.trackId", String.class);
        assertThat(refreshed).hasSize(12).doesNotContainAnyElementsOf(ids);
        assertThat(given().get("/api/users/{u}/playlists", user).jsonPath().getList("id", String.class))
                .contains(id);

        // Another user sees nothing of it and can change nothing.
        String stranger = "stranger-" + RUN;
        given().get("/api/users/{u}/playlists/{id}", stranger, id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().delete("/api/users/{u}/playlists/{id}", stranger, id).then().statusCode(404);
        assertThat(given().get("/api/users/{u}/playlists", stranger).jsonPath().getList("id"))
                .isEmpty();

        // Export needs the ingestion-service; when it cannot be reached, a clear 502.
        given().post("/api/users/{u}/playlists/{id}/export/spotify", user, id)
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot be reached"));

        given().delete("/api/users/{u}/playlists/{id}", user, id).then().statusCode(204);
        given().get("/api/users/{u}/playlists/{id}", user, id).then().statusCode(404);
    }

    @Test
    @Order(9)
    void modelsAreSwappedUnderLoadWithoutAFailedRequestAndABadArtifactNeverServes() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (running.get()) {
                    var response = given().get("/api/users/{u}/recommendations?k=20", ROCKER_TWIN);
                    requests.incrementAndGet();
                    if (response.statusCode() != 200) {
                        failures.merge(response.statusCode(), 1, Integer::sum);
                    } else {
                        versionsSeen.add(response.jsonPath().getString("modelVersion"));
                    }
                }
            });
        }
        try {
            publish("v2-" + RUN, model("ease"));
            awaitServing("v2-" + RUN);
            // A promotion whose artifact does not match its checksum, then a good one: the bad one never serves.
            String bad = "v3-" + RUN;
            ArtifactServer.server.put(bad, model("broken"));
            try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
                writer.send(new ModelPublished(
                        EventIds.random(), Instant.now(), 1, "recommender", bad, "ials", "0".repeat(64), Map.of(), 2));
            }
            publish("v4-" + RUN, model("network"));
            awaitServing("v4-" + RUN);
            int target = requests.get() + 40;
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() >= target);
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(failures).as("failed requests by status").isEmpty();
        assertThat(versionsSeen).contains("v4-" + RUN).doesNotContain("v3-" + RUN);
        assertThat(requests.get()).isGreaterThan(40);
    }
}
