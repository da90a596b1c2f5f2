package io.spotifymate.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.spotifymate.stack.Stack;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.ScaleCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away under a running import and comes back: the ingestion-service is not ready while it is gone, all five services, as processes, are ready again by themselves once it is back, the import finishes, and the
 * feature store counts every imported play exactly once.
 */
class BrokerRestartTest {

    private static final int ROWS = 20_000;

    @BeforeAll
    static void startServices() {
        RunningServices.ensureUp();
    }

    @Test
    void anImportOutlivesABrokerRestartWithNothingLostOrCountedTwice() throws IOException {
        StackSettings settings = RunningServices.ensureUp();
        Stack stack = new Stack(settings, message -> System.out.println("[broker-restart] " + message));
        String user = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String token = RunningServices.token(user);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        long music = new ScaleCorpus(41, 5_000, 500).writeExtendedExportZip(export, ROWS, 7);

        // The broker stops first and the upload comes while it is away: the job starts and cannot send, so it is
        // certainly running when the broker is down (an import of this size takes about a second otherwise).
        stack.stop(List.of("kafka"));
        String job;
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness("ingestion-service") != 200);
            job = given().auth()
                    .oauth2(token)
                    .multiPart("file", "my_spotify_data.zip", export.toByteArray())
                    .post(RunningServices.url("ingestion-service") + "/api/users/{u}/imports", user)
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> job(token, user, job).getString("status"), "RUNNING"::equals);
        } finally {
            stack.up();
        }

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> RunningServices.ALL.stream().allMatch(service -> readiness(service) == 200));
        JsonPath done = await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> job(token, user, job), j -> j.getBoolean("finished"));
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        assertThat(done.getLong("accepted")).isEqualTo(music);

        long counted = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> given().auth()
                                .oauth2(token)
                                .get(RunningServices.url("feature-service") + "/api/users/{u}/insights", user)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getLong("totals.plays"),
                        plays -> plays >= music);
        assertThat(counted).as("every imported play counted once").isEqualTo(music);
    }

    private static JsonPath job(String token, String user, String job) {
        return given().auth()
                .oauth2(token)
                .get(RunningServices.url("ingestion-service") + "/api/users/{u}/imports/{id}", user, job)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int readiness(String service) {
        return StackProbes.readiness(RunningServices.url(service));
    }
}
