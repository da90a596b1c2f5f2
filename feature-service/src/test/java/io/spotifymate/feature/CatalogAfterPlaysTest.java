package io.spotifymate.feature;

import static io.restassured.RestAssured.given;
import static io.spotifymate.feature.LocalTracksWorld.WAIT;
import static io.spotifymate.feature.LocalTracksWorld.basic;
import static io.spotifymate.feature.LocalTracksWorld.withSpotifyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A basic export (names only) comes before the catalog: its plays are stored under local ids, and the catalog entries
 * that arrive later take them over by the ingestion-service's rules (exact names, the title without release notes
 * and credits, the primary artist), while a live recording the catalog holds only in its studio version stays local.
 * A play the listener also imported with its Spotify id (an extended export of the same listening) is one play, and
 * importing the same plays again, now with their Spotify ids, or replaying the old ones, counts nothing twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAfterPlaysTest {

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    QuarkusCqlSession session;

    private TopicWriter writer;
    /** Made before the first test: the session is injected only after the fields are set. */
    private LocalTracksWorld world;

    /** Once, before the first test: RestAssured learns the service's port only per test, not before the class. */
    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @BeforeEach
    void importPlaysThenTheCatalog() {
        if (writer != null) {
            return;
        }
        writer = new TopicWriter(stack.kafkaBootstrap());
        world = new LocalTracksWorld(session, stack, "late-catalog-", "Late");

        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            // The same listening from an extended export, which names the track: one play, not a second one.
            writer.send(withSpotifyId(basic(world.user, world.shouted, "2025-01-07T12:00:00Z"), world.other));
        });
        assertThat(world.playsByTrack(world.user))
                .as("before the catalog: local ids")
                .isEqualTo(Map.of(
                        world.remaster.localId(),
                        2,
                        world.shouted.localId(),
                        3,
                        world.credited.localId(),
                        1,
                        world.live.localId(),
                        1,
                        world.other,
                        1));

        world.settle(() -> world.catalog.forEach(writer::send));
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> world.playsByTrack(world.user).equals(world.afterTheMerge())
                        && world.nothingWaitsFor(world.user)
                        && world.nothingWaitsFor(world.otherUser));
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void theListenersTracksAreTheCatalogsWithEveryPlayCountedOnce() {
        world.assertEveryPlayCountedOnce();
        world.assertTheSongKeepsItsFirstAndLastPlay();
    }

    @Test
    void noPlayOrStatisticOrListenerRowIsLeftUnderAMergedLocalId() {
        world.assertNothingIsLeftUnderAMergedLocalId();
    }

    @Test
    void aMergedLocalTrackIsNoCatalogTrackOfItsOwnAnyMore() {
        world.assertTheRemasterIsRetired();
        given().get("/api/tracks/{t}/features", world.live.localId())
                .then()
                .statusCode(200)
                .body("name", equalTo(world.live.title()));
    }

    @Test
    void theAliasesSayWhatMatchedAndHow() {
        world.assertTheAliasesSayWhatMatchedAndHow();
    }

    @Test
    void importingThePlaysAgainWithTheirSpotifyIdsOrReplayingTheOldOnesCountsNothingTwice() {
        Map<String, String> resolved = Map.of(
                world.remaster.localId(),
                world.song,
                world.shouted.localId(),
                world.other,
                world.credited.localId(),
                world.third);
        world.settle(() -> {
            for (PlayRecorded play : world.basicExport) {
                String spotifyId = resolved.get(play.trackId());
                // What the ingestion-service sends for the same file now that its catalog knows the tracks.
                writer.send(spotifyId == null ? play : withSpotifyId(play, spotifyId));
            }
            world.basicExport.forEach(writer::send);
        });
        world.assertEveryPlayCountedOnce();
        world.assertTheHistoryIsTheCatalogsAndTheLiveTrack();
    }
}
