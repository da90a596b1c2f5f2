package io.spotifymate.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.Topics;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import io.spotifymate.stack.testing.TopicWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lifetime of listening: a generated 1M-row extended export imports whole, streamed, every play acknowledged. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class LargeExportImportTest {

    private static final int ROWS = 1_000_000;

    private final StackSettings stack = TestStack.ensureUp();

    @TempDir
    Path temp;

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner();
    }

    @Test
    void aMillionRowExtendedExportImportsEveryMusicRowAndCountsThePodcasts() throws IOException {
        Path zip = temp.resolve("my_spotify_extended_streaming_history.zip");
        long music;
        try (OutputStream out = Files.newOutputStream(zip)) {
            music = Fixtures.extendedExportZip(out, ROWS, 42);
        }
        TopicReader topic = new TopicReader(stack.kafkaBootstrap());
        long before = topic.endOffsetSum(Topics.PLAYS);

        String id = given().multiPart("file", zip.toFile())
                .post("/api/users/{u}/imports", "lifetime-listener")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath job = await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> given().get("/api/users/{u}/imports/{id}", "lifetime-listener", id)
                                .jsonPath(),
                        j -> j.getBoolean("finished"));

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getLong("totalRows")).isEqualTo(ROWS);
        assertThat(job.getLong("rowsRead")).isEqualTo(ROWS);
        assertThat(job.getLong("accepted")).isEqualTo(music);
        assertThat(job.getLong("skipped.PODCAST")).isEqualTo(ROWS - music);
        assertThat(job.getLong("rejected")).isZero();
        assertThat(topic.endOffsetSum(Topics.PLAYS) - before)
                .as("every accepted play is in Kafka when the job says it is done")
                .isGreaterThanOrEqualTo(music);
        // The test stack is shared by every module's tests: consumers that start at the beginning of plays.v1 (the
        // feature-service's) must not wade through this million first.
        try (TopicWriter writer = new TopicWriter(stack.kafkaBootstrap())) {
            writer.discardExisting(Topics.PLAYS);
        }
        System.out.printf(
                "1M-row extended export: %d music plays accepted, %.0f rows/s (upload %d MB)%n",
                music, job.getDouble("rowsPerSecond"), Files.size(zip) >> 20);
    }
}
