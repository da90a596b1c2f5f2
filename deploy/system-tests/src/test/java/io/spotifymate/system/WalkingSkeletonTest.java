package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.stack.testing.TestTokens;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One play's journey through all five services, as processes on the real Kafka, Cassandra and PostgreSQL, driven only
 * through public HTTP APIs: ingestion → plays.v1 → feature-service (Cassandra) → features.updated.v1 → model-service
 * (PostgreSQL registry) → model.published.v1 → recommender-service (artifact over REST) → chat-gateway.
 */
class WalkingSkeletonTest {

    @BeforeAll
    static void startServices() {
        RunningServices.ensureUp();
    }

    /** The model registry is for operators (and services): the test reads it as one. */
    private static final String OPERATOR = TestTokens.admin("operator");

    private static String url(String service) {
        return RunningServices.url(service);
    }

    /** Every service is called with the user's token from signing up at the chat-gateway. */
    private static RequestSpecification as(String user) {
        return given().auth().oauth2(RunningServices.token(user));
    }

    private static String spotifyId() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("spotify:track:");
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static void play(String user, String trackId, String name, Instant at) {
        as(user).contentType(ContentType.JSON)
                .body("""
                        {"userId": "%s", "trackId": "%s", "trackName": "%s", "artistName": "The Testers",
                         "playedAt": "%s", "msPlayed": 201000}
                        """.formatted(user, trackId, name, at))
                .post(url("ingestion-service") + "/api/plays")
                .then()
                .statusCode(202);
    }

    @Test
    void aPlayFlowsThroughAllFiveServicesIntoTheChatsAnswer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hit = spotifyId();
        String favourite = spotifyId();
        String niche = spotifyId();
        String listener = "listener-" + run;
        Instant at = Instant.parse("2026-11-01T12:00:00Z");
        // hit: 4 listeners, favourite: 2, niche: 1. The listener has heard only the hit.
        play("fan1-" + run, hit, "Hit " + run, at);
        play("fan1-" + run, favourite, "Favourite " + run, at);
        play("fan1-" + run, niche, "Niche " + run, at);
        play("fan2-" + run, hit, "Hit " + run, at);
        play("fan2-" + run, favourite, "Favourite " + run, at);
        play("fan3-" + run, hit, "Hit " + run, at);
        play(listener, hit, "Hit " + run, at);

        // Plays of different users sit on different partitions, so they reach the feature store in no fixed order.
        // First the listener's own play must be there (the recommender excludes what the store says was played)...
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> as(listener)
                                .get(url("feature-service") + "/api/users/{u}/tracks", listener)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("trackId"),
                        tracks -> tracks.contains(hit));
        // ...then the served model must have been trained on every play, the niche track's last of all. Which kind it
        // is, the promotion gate decides; the recommender serves whichever it is.
        JsonPath recommendations = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> as(listener)
                                .get(url("recommender-service") + "/api/users/{u}/recommendations?k=100", listener)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> servedModelKnows(json.getString("modelVersion"), niche));

        List<String> ids = recommendations.getList("items.trackId");
        assertThat(recommendations.getString("status")).isEqualTo("OK");
        assertThat(ids).as("already played").doesNotContain(hit).isNotEmpty();
        assertThat(recommendations.getList("items.reason", String.class))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        if (ids.contains(favourite)) {
            assertThat(recommendations.getString("items.find { it.trackId == '" + favourite + "' }.name"))
                    .isEqualTo("Favourite " + run);
        }

        // The feature store counted the listener's play once.
        as(listener)
                .get(url("feature-service") + "/api/users/{u}/tracks", listener)
                .then()
                .statusCode(200)
                .body("[0].trackId", equalTo(hit))
                .body("[0].plays", equalTo(1));

        // The served version is in the registry, of the kind the recommender says, judged against the baselines.
        String served = recommendations.getString("modelVersion");
        given().auth()
                .oauth2(OPERATOR)
                .get(url("model-service") + "/api/models/{id}", served)
                .then()
                .statusCode(200)
                .body("kind", equalTo(recommendations.getString("modelKind")))
                .body("baselineMetrics.popularity", org.hamcrest.Matchers.notNullValue());

        // The chat names exactly the recommender's top tracks, each with its catalog id. Other tests' plays retrain
        // the model meanwhile, so the two are compared when the same model served before and after the chat's call.
        JsonPath[] chatAndTop = new JsonPath[2];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonPath before = top5(listener);
                    chatAndTop[0] = as(listener)
                            .contentType(ContentType.JSON)
                            .body("{\"message\": \"recommend me something\"}")
                            .post(url("chat-gateway") + "/api/chat")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    chatAndTop[1] = top5(listener);
                    return java.util.Objects.equals(
                            before.getString("modelVersion"), chatAndTop[1].getString("modelVersion"));
                });
        JsonPath chat = chatAndTop[0];
        List<String> top = chatAndTop[1].getList("items.trackId");
        assertThat(chat.getList("tracks.trackId", String.class)).isEqualTo(top).isNotEmpty();
        for (String trackId : top) {
            assertThat(chat.getString("reply")).contains(trackId);
        }
        assertThat(chat.getString("reply")).doesNotContain(hit);

        // Feedback in the chat refers to the last answer and changes the next one at once.
        JsonPath disliked = as(listener)
                .contentType(ContentType.JSON)
                .body("{\"conversationId\": \"%s\", \"message\": \"I don't like the first one\"}"
                        .formatted(chat.getString("conversationId")))
                .post(url("chat-gateway") + "/api/chat")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(disliked.getString("intent")).isEqualTo("FEEDBACK");
        assertThat(disliked.getString("reply")).startsWith("Noted, you don't like that track [" + top.get(0) + "]");
        assertThat(disliked.getList("tracks.trackId", String.class)).doesNotContain(top.get(0));

        // Feedback through the recommender changes its very next answer; the feature-service stores it on its own.
        List<String> afterDislike = disliked.getList("tracks.trackId", String.class);
        assertThat(afterDislike).isNotEmpty();
        String banned = afterDislike.get(0);
        as(listener)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"BAN\", \"target\": \"TRACK\", \"targetId\": \"%s\"}".formatted(banned))
                .post(url("recommender-service") + "/api/users/{u}/feedback", listener)
                .then()
                .statusCode(202);
        assertThat(as(listener)
                        .get(url("recommender-service") + "/api/users/{u}/recommendations?k=100", listener)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.trackId", String.class))
                .doesNotContain(banned);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> as(listener)
                                .get(url("feature-service") + "/api/users/{u}/feedback", listener)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("targetId", String.class),
                        stored -> stored.contains(banned));
    }

    @Test
    void anInvalidPlayIsRejectedWithAProblemNamingTheFieldAndNothingIsPublished() {
        String user = "invalid-" + UUID.randomUUID().toString().substring(0, 8);
        as(user).contentType(ContentType.JSON)
                .body("{\"userId\": \"%s\", \"trackName\": \"x\", \"artistName\": \"y\", \"msPlayed\": 1}"
                        .formatted(user))
                .post(url("ingestion-service") + "/api/plays")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("playedAt"));
    }

    @Test
    void everyServiceIsReadyAndExposesMetricsAndOpenApi() {
        // The packaged gateway loads its MiniLM mood model (native libraries and all) before it says it is ready.
        given().get(url("chat-gateway") + "/q/health/ready")
                .then()
                .body("checks.find { it.name == 'mood model' }.data.'moods from free text'", equalTo(true));
        for (String service : RunningServices.ALL) {
            given().get(url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(url(service) + "/q/metrics").then().statusCode(200);
            given().get(url(service) + "/q/openapi").then().statusCode(200);
        }
    }

    private static JsonPath top5(String listener) {
        return as(listener)
                .get(url("recommender-service") + "/api/users/{u}/recommendations?k=5", listener)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Whether the given model version's artifact was trained with the track among its items. */
    private static boolean servedModelKnows(String versionId, String trackId) {
        if (versionId == null) {
            return false;
        }
        byte[] bytes = given().auth()
                .oauth2(OPERATOR)
                .get(url("model-service") + "/api/models/{id}/artifact", versionId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return ModelArtifact.fromBytes(bytes).metadata().itemIds().contains(trackId);
    }
}
