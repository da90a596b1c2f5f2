package io.spotifymate.feature;

import static io.spotifymate.feature.LocalTracksWorld.WAIT;
import static io.spotifymate.feature.LocalTracksWorld.basic;
import static io.spotifymate.feature.LocalTracksWorld.withSpotifyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.quarkus.runtime.api.session.QuarkusCqlSession;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * The catalog reaches this service before the plays of a basic export (names only) that the ingestion-service sent
 * under local ids, as when a catalog is imported while an export's plays still wait in their topic: the plays are
 * taken over on arrival by the catalog entries of their names, by the ingestion-service's rules, counted once (a play
 * also imported with its Spotify id included), while a live recording the catalog holds only in its studio version
 * stays local. Replaying the plays or the catalog counts nothing twice.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogBeforePlaysTest {

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
    void takeInTheCatalogThenThePlays() {
        if (writer != null) {
            return;
        }
        writer = new TopicWriter(stack.kafkaBootstrap());
        world = new LocalTracksWorld(session, stack, "early-catalog-", "Early");

        world.settle(() -> world.catalog.forEach(writer::send));

        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            // The same listening from an extended export, which names the track: one play, not a second one.
            writer.send(withSpotifyId(basic(world.user, world.shouted, "2025-01-07T12:00:00Z"), world.other));
        });
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> world.playsByTrack(world.user).equals(world.afterTheMerge())
                        && world.playsByTrack(world.otherUser).equals(Map.of(world.song, 1))
                        && world.nothingWaitsFor(world.user)
                        && world.nothingWaitsFor(world.otherUser));
    }

    @AfterAll
    void close() {
        writer.close();
    }

    @Test
    void playsArrivingUnderLocalIdsAfterTheCatalogAreTheCatalogsWithEveryPlayCountedOnce() {
        world.assertEveryPlayCountedOnce();
        world.assertTheSongKeepsItsFirstAndLastPlay();
    }

    @Test
    void aLocalTrackWithoutAMatchStaysLocalAndNothingIsLeftUnderAMergedOne() {
        world.assertNothingIsLeftUnderAMergedLocalId();
        assertThat(world.rows("SELECT alias_id FROM track_aliases WHERE alias_id = ?", world.live.localId()))
                .isEmpty();
    }

    @Test
    void theAliasesSayWhatMatchedAndHowAsOfTheCatalogEntry() {
        world.assertTheAliasesSayWhatMatchedAndHow();
        world.assertTheRemasterIsRetired();
    }

    @Test
    void replayingThePlaysAndTheCatalogCountsNothingTwice() {
        world.settle(() -> {
            world.basicExport.forEach(writer::send);
            world.catalog.forEach(writer::send);
        });
        world.assertEveryPlayCountedOnce();
        world.assertTheHistoryIsTheCatalogsAndTheLiveTrack();
    }
}
