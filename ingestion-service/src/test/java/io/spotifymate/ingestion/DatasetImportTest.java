package io.spotifymate.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.Topics;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.stack.StackSettings;
import io.spotifymate.stack.testing.EmbeddedStackResource;
import io.spotifymate.stack.testing.TestStack;
import io.spotifymate.stack.testing.TestTokens;
import io.spotifymate.stack.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Catalog and dataset imports against the real stack: Million Playlist Dataset slices become playlists and catalog
 * entries, the Last.fm HetRec zip becomes artists with tags and users' play counts; uploads that are no format we read,
 * or over a limit, are refused before a job exists.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DatasetImportTest {

    private final StackSettings stack = TestStack.ensureUp();

    private static String uploadDataset(String fileName, byte[] content) {
        return given().multiPart("file", fileName, content)
                .post("/api/imports")
                .then()
                .statusCode(202)
                .body("userId", nullValue())
                .extract()
                .path("id");
    }

    private static JsonPath finished(String jobId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/imports/{id}", jobId).jsonPath(), job -> job.getBoolean("finished"));
    }

    /** Where each topic ended when the test began; the catalog is read whole (it skips tracks it already has). */
    private final java.util.Map<String, java.util.Map<Integer, Long>> startOffsets = new java.util.HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void rememberWhereTopicsEnd() {
        TopicReader reader = new TopicReader(stack.kafkaBootstrap());
        for (String topic : List.of(Topics.PLAYLISTS, Topics.CATALOG_ARTISTS, Topics.ARTIST_PLAYS)) {
            startOffsets.put(topic, reader.endOffsets(topic));
        }
    }

    private <T extends io.spotifymate.events.SpotifyMateEvent> List<T> read(
            String topic, Class<T> type, java.util.function.Predicate<T> wanted, int count) {
        return new TopicReader(stack.kafkaBootstrap())
                .events(
                        topic,
                        startOffsets.getOrDefault(topic, java.util.Map.of()),
                        type,
                        wanted,
                        count,
                        Duration.ofSeconds(20));
    }

    @BeforeAll
    static void signIn() {
        TestTokens.signInAsPathOwner(TestTokens.admin("operator"));
    }

    @Test
    void aMillionPlaylistDatasetSliceBecomesPlaylistsInOrderAndCatalogEntries() {
        JsonPath job = finished(
                uploadDataset("mpd.slice.0-999.json", Fixtures.mpdSlice().getBytes(StandardCharsets.UTF_8)));

        assertThat(job.getString("kind")).isEqualTo("MPD_SLICES");
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("formats")).containsExactly("MPD_SLICE");
        assertThat(job.getLong("totalRows")).isEqualTo(2);
        assertThat(job.getLong("accepted")).isEqualTo(2);
        assertThat(job.getLong("skipped.DROPPED_PLAYLIST_TRACKS")).isEqualTo(1);
        assertThat(job.getString("rejections[0].reason"))
                .isEqualTo("1 track(s) left out, first: tracks[2]: track_uri 'not-a-uri' is not a Spotify track uri");

        PlaylistImported throwbacks = read(
                        Topics.PLAYLISTS,
                        PlaylistImported.class,
                        p -> p.playlistId().equals("mpd:0"),
                        1)
                .get(0);
        assertThat(throwbacks.name()).isEqualTo("Throwbacks");
        assertThat(throwbacks.ownerUserId()).isNull();
        assertThat(throwbacks.tracks())
                .extracting(PlaylistImported.Entry::position, PlaylistImported.Entry::trackName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "Lose Control (feat. Ciara & Fat Man Scoop)"),
                        org.assertj.core.groups.Tuple.tuple(1, "Toxic"));
        PlaylistImported gym = read(
                        Topics.PLAYLISTS,
                        PlaylistImported.class,
                        p -> p.playlistId().equals("mpd:1"),
                        1)
                .get(0);
        assertThat(gym.tracks().get(1).artistId()).isEqualTo(ArtistIds.local("Eminem"));

        // Each track is in the catalog: published by this import, or kept from an earlier one (a slice never
        // overwrites a track the catalog has).
        Set<String> wanted = Set.of(
                "spotify:track:0UaMYEvWZi0ZqiDOoHU3YI",
                "spotify:track:6I9VzXrHxO9rA9A5euc8Ak",
                "spotify:track:7lQ8MOhq6IN2w8EYcFNSUk");
        Set<String> cataloged = new HashSet<>();
        read(
                        Topics.CATALOG_TRACKS,
                        TrackCataloged.class,
                        t -> wanted.contains(t.trackId()) && cataloged.add(t.trackId()),
                        3)
                .stream()
                .filter(t -> t.trackId().equals("spotify:track:0UaMYEvWZi0ZqiDOoHU3YI"))
                .forEach(t -> {
                    assertThat(t.albumName()).isEqualTo("The Cookbook");
                    assertThat(t.durationMs()).isEqualTo(226_863L);
                });
        assertThat(cataloged).isEqualTo(wanted);
    }

    @Test
    void theLastFmHetRecZipBecomesTaggedArtistsAndPlayCountsWithEveryRowAccountedFor() throws IOException {
        JsonPath job = finished(uploadDataset("hetrec2011-lastfm-2k.zip", Fixtures.hetRecZip()));

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getList("formats")).containsExactly("LASTFM_HETREC");
        assertThat(job.getLong("totalRows")).isEqualTo(15);
        assertThat(job.getLong("rowsRead")).isEqualTo(15);
        assertThat(job.getLong("accepted")).isEqualTo(14);
        assertThat(job.getLong("rejected")).isZero();
        assertThat(job.getLong("skipped.UNKNOWN_ARTIST")).isEqualTo(1);
        assertThat(job.getList("ignoredFiles")).containsExactly("hetrec2011-lastfm-2k/user_friends.dat");

        ArtistCataloged morcheeba = read(
                        Topics.CATALOG_ARTISTS,
                        ArtistCataloged.class,
                        a -> a.name().equals("Morcheeba"),
                        1)
                .get(0);
        assertThat(morcheeba.tags()).extracting(ArtistCataloged.Tag::name).contains("électronique", "trip-hop");
        List<ArtistPlaysCounted> user3 = read(
                Topics.ARTIST_PLAYS, ArtistPlaysCounted.class, c -> c.userId().equals("lastfm-3"), 2);
        assertThat(user3)
                .extracting(ArtistPlaysCounted::artistName, ArtistPlaysCounted::playCount)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Morcheeba", 228L),
                        org.assertj.core.groups.Tuple.tuple("Beyoncé", 5L));
    }

    @Test
    void eachEndpointTakesOnlyItsKindAndSaysWhereTheOtherGoes() {
        given().multiPart("file", "mpd.slice.0-999.json", Fixtures.mpdSlice().getBytes(StandardCharsets.UTF_8))
                .post("/api/users/{u}/imports", "someone")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("POST /api/imports"));
        given().multiPart(
                        "file",
                        "StreamingHistory0.json",
                        "[{\"endTime\": \"2024-01-31 23:59\"}]".getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(415)
                .body("detail", containsString("POST /api/users/{userId}/imports"));
    }

    @Test
    void anArchiveWithMoreEntriesThanTheLimitIsA413ProblemBeforeAnyJob() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= 10_000; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".json"));
                zip.closeEntry();
            }
        }

        given().multiPart("file", "my_spotify_data.zip", bytes.toByteArray())
                .post("/api/users/{u}/imports", "someone")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Upload too large"))
                .body("detail", containsString("10001 entries"));
    }
}
