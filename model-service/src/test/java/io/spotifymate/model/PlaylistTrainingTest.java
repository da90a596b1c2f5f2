package io.spotifymate.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.repository.FeatureStoreReader;
import io.spotifymate.model.training.CorpusListeners;
import io.spotifymate.model.training.PseudoUsers;
import io.spotifymate.model.training.TrainingData;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imported playlists in the real store: a round reads every one of them (by token pages) as a pseudo-user of unit
 * strengths beside the listeners, and what it serves names no pseudo-user and says who judged. Other tests' rows
 * share the store, so only this test's own rows are checked by value.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class PlaylistTrainingTest {

    private static final int PLAYLISTS = 30;

    private final StackSettings stack = TestStack.ensureUp();

    @Inject
    FeatureStoreReader featureStore;

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @Test
    void importedPlaylistsTrainAsPseudoUsersAndNoServedArtifactNamesOne() {
        String prefix = "ptt" + UUID.randomUUID().toString().substring(0, 8) + "-";
        FeatureRows.insertGroups(stack, prefix, 3);
        FeatureRows.insertPlaylists(stack, prefix, PLAYLISTS);

        TrainingData data = featureStore.trainingData();
        Interactions all = data.interactions();
        for (int p = 0; p < PLAYLISTS; p++) {
            int user = all.userIds().indexOf(PseudoUsers.ofPlaylist(FeatureRows.playlistId(prefix, p)));
            assertThat(user).as("playlist %d read", p).isNotNegative();
            assertThat(all.count(user))
                    .as("five distinct tracks, one listed twice")
                    .isEqualTo(5);
            for (int at = all.start(user); at < all.end(user); at++) {
                assertThat(all.strength(at)).isEqualTo(1f);
                assertThat(all.time(at)).isEqualTo(Interactions.NO_TIME);
            }
        }
        int listener = all.userIds().indexOf(prefix + "user-0-0");
        assertThat(listener).isNotNegative();
        assertThat(data.pseudoUsers()).isGreaterThanOrEqualTo(PLAYLISTS);

        int status = given().auth()
                .oauth2(TestTokens.admin("operator"))
                .post("/api/models/train")
                .then()
                .extract()
                .statusCode();
        assertThat(status).isIn(201, 204);
        JsonPath models =
                given().get("/api/models").then().statusCode(200).extract().jsonPath();
        String promoted = models.getString("find { it.status == 'PROMOTED' }.id");
        assertThat(models.getString("find { it.status == 'PROMOTED' }.statusReason"))
                .contains("; judged on ");
        byte[] bytes = given().get("/api/models/{id}/artifact", promoted).asByteArray();
        assertThat(ModelArtifact.fromBytes(bytes).metadata().userIds()).noneMatch(PseudoUsers::isPseudo);
    }

    @Test
    void aPerArtistCorpusTrainsAsPseudoUsersThroughTheCatalogTracksOfTheirArtists() {
        String prefix = "ctt" + UUID.randomUUID().toString().substring(0, 8) + "-";
        FeatureRows.insertGroups(stack, prefix, 1);
        FeatureRows.insertCorpusListeners(stack, prefix, 3);

        Interactions all = featureStore.trainingData().interactions();

        for (int n = 0; n < 3; n++) {
            String id = PseudoUsers.ofPlaylist(CorpusListeners.pseudoUserId(prefix + "lastfm:" + n));
            int user = all.userIds().indexOf(id);
            assertThat(user).as("corpus listener %d read", n).isNotNegative();
            List<String> tracks = new ArrayList<>();
            for (int at = all.start(user); at < all.end(user); at++) {
                tracks.add(all.itemId(all.item(at)));
            }
            // Each artist stands for three of its catalog tracks (names matched whatever their case); the artist the
            // catalog lacks adds nothing.
            assertThat(tracks).hasSize(2 * CorpusListeners.TRACKS_PER_ARTIST);
            for (int group = 0; group < 2; group++) {
                String ofGroup = "local:track:" + prefix + group + "-";
                assertThat(tracks.stream().filter(t -> t.startsWith(ofGroup)))
                        .as("tracks of group %d's artist", group)
                        .hasSize(CorpusListeners.TRACKS_PER_ARTIST);
            }
        }
    }
}
