package io.spotifymate.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.EventJson;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.events.Topics;
import io.spotifymate.events.UserFeaturesUpdated;
import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training rounds against the real stack: feature updates start a round over the feature store (rows written here
 * the way feature-service writes them, since this module only reads the store), every baseline and the network are
 * judged on one split, and the served model's artifact, registry entry and promotion on Kafka all agree.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ModelLifecycleTest {

    private static final List<String> BASELINES = List.of("popularity", "item-knn", "ease", "ials");

    private final StackSettings stack = TestStack.ensureUp();

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @Test
    void featureUpdatesStartARoundThatJudgesEveryModelOnOneSplitAndPublishesTheServedOne() {
        String prefix = "mlt" + UUID.randomUUID().toString().substring(0, 8) + "-";
        FeatureRows.insertGroups(stack, prefix, 12);
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.send(new UserFeaturesUpdated(
                    EventIds.random(),
                    Instant.now(),
                    UserFeaturesUpdated.SCHEMA_VERSION,
                    prefix + "user-0-0",
                    8,
                    8,
                    8,
                    2));
        }

        String versionId = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> promotedVersionKnowing(FeatureRows.trackId(prefix, 1, 9)), v -> v != null);

        Response artifact = given().get("/api/models/{id}/artifact", versionId);
        artifact.then().statusCode(200);
        byte[] bytes = artifact.asByteArray();
        String sha = Checksums.sha256(bytes);
        assertThat(artifact.header("X-Artifact-Sha256")).isEqualTo(sha);
        ModelArtifact loaded = ModelArtifact.fromBytes(bytes);
        assertThat(loaded.metadata().featureSchemaVersion()).isEqualTo(2);

        JsonPath version = given().get("/api/models/{id}", versionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(version.getString("status")).isEqualTo("PROMOTED");
        assertThat(version.getString("kind")).isEqualTo(loaded.metadata().kind());
        assertThat(version.getString("statusReason")).contains("NDCG@10");
        assertThat(version.getString("evaluation")).contains("time split").contains("full ranking");
        assertThat(version.getDouble("metrics['ndcg@10']")).isBetween(0.0, 1.0);
        Map<String, Object> baselines = version.getMap("baselineMetrics");
        assertThat(baselines).containsKeys(BASELINES.toArray(String[]::new));
        // The two groups are easy to tell apart: every learned baseline beats the popularity list.
        double popularity = version.getDouble("baselineMetrics.popularity['ndcg@10']");
        assertThat(version.getDouble("baselineMetrics.ials['ndcg@10']")).isGreaterThan(popularity);
        assertThat(version.getDouble("baselineMetrics.ease['ndcg@10']")).isGreaterThan(popularity);

        // The network took part: it is the promoted version, or a rejected one with the numbers that decided it.
        JsonPath all = given().get("/api/models").then().extract().jsonPath();
        boolean networkJudged = version.getString("kind").equals("dl4j-two-tower")
                || all
                        .getList("findAll { it.kind == 'dl4j-two-tower' && it.status == 'REJECTED' }.statusReason")
                        .stream()
                        .anyMatch(reason -> String.valueOf(reason).contains("NDCG@10"));
        assertThat(networkJudged).isTrue();

        ConsumerRecord<String, byte[]> published = new TopicReader(stack.kafkaBootstrap())
                .find(
                        Topics.MODEL_PUBLISHED,
                        r -> EventJson.read(r.value(), ModelPublished.class)
                                .versionId()
                                .equals(versionId),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("version " + versionId + " not published"));
        assertThat(published.key()).isEqualTo("recommender");
        assertThat(EventJson.read(published.value(), ModelPublished.class).artifactSha256())
                .isEqualTo(sha);

        given().get("/api/models/{id}/report", versionId)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<svg"))
                .body(containsString("ials"));
    }

    @Test
    void trainingTwiceOnUnchangedDataRegistersNothingNew() {
        String operator = TestTokens.admin("operator");
        given().auth().oauth2(operator).post("/api/models/train");

        given().auth().oauth2(operator).post("/api/models/train").then().statusCode(204);
    }

    @Test
    void theRegistryWithEveryUsersVectorsIsForOperatorsAndServicesOnly() {
        given().noFilters().get("/api/models").then().statusCode(401).contentType("application/problem+json");
        given().noFilters()
                .auth()
                .oauth2(TestTokens.user("ana"))
                .get("/api/models")
                .then()
                .statusCode(403);
        given().noFilters()
                .header("X-Service-Key", stack.serviceEnvironment().get("SPOTIFYMATE_SERVICE_KEY"))
                .get("/api/models")
                .then()
                .statusCode(200);
        given().noFilters()
                .header("X-Service-Key", "guessed")
                .get("/api/models")
                .then()
                .statusCode(401);
    }

    @Test
    void onlyAnOperatorMayStartTraining() {
        given().noFilters().post("/api/models/train").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.user("ana"))
                .post("/api/models/train")
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownVersionIsA404Problem() {
        given().get("/api/models/{id}", 987_654_321)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no model version 987654321"));
    }

    private static String promotedVersionKnowing(String track) {
        JsonPath models =
                given().get("/api/models").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < models.getList("").size(); i++) {
            String id = models.getString("[" + i + "].id");
            if ("PROMOTED".equals(models.getString("[" + i + "].status"))
                    && models.getString("[" + i + "].publishedAt") != null) {
                byte[] bytes = given().get("/api/models/{id}/artifact", id).asByteArray();
                if (ModelArtifact.fromBytes(bytes).metadata().itemIds().contains(track)) {
                    return id;
                }
            }
        }
        return null;
    }
}
