package io.spotifymate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden samples are the contract: what producers write and what every consumer must read. */
class GoldenSamplesTest {

    private static final ObjectMapper TREES = EventJson.mapper();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "play-recorded.json",
                        new PlayRecorded(
                                "5b1f7a52-1f0e-3c2a-9d43-7c1a2b3c4d5e",
                                Instant.parse("2026-11-20T18:04:05.123Z"),
                                1,
                                "alice",
                                "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
                                "Never Gonna Give You Up",
                                "Rick Astley",
                                "Whenever You Need Somebody",
                                Instant.parse("2026-11-20T18:03:00Z"),
                                213_573,
                                "api",
                                null)),
                Arguments.of(
                        "play-recorded-from-export.json",
                        new PlayRecorded(
                                "0f3c6a1e-8d2b-3f4a-9e5d-6c7b8a9f0e1d",
                                Instant.parse("2026-11-22T08:00:00Z"),
                                1,
                                "alice",
                                "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp",
                                "Mr. Brightside",
                                "The Killers",
                                "Hot Fuss",
                                Instant.parse("2023-06-01T20:15:30Z"),
                                187_000,
                                "spotify-export",
                                new PlayRecorded.PlaybackContext("android", "clickrow", "fwdbtn", true, true, false))),
                Arguments.of(
                        "track-cataloged.json",
                        new TrackCataloged(
                                "0d6c2b8e-5d2f-3a7e-8b9c-1e2f3a4b5c6d",
                                Instant.parse("2026-11-20T09:00:00Z"),
                                1,
                                "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp",
                                "Mr. Brightside",
                                "The Killers",
                                "Hot Fuss",
                                222_973L,
                                2004,
                                new AudioFeatures(
                                        0.352, 0.911, 1, -5.23, 1, 0.0747, 0.00121, 0.0, 0.0995, 0.236, 148.033, 4),
                                List.of("alternative rock", "indie"),
                                "catalog-csv")),
                Arguments.of(
                        "playlist-imported.json",
                        new PlaylistImported(
                                "3c9e1f20-7a4b-3d5c-8e6f-0a1b2c3d4e5f",
                                Instant.parse("2026-11-25T10:00:00Z"),
                                1,
                                "mpd:1000",
                                "Throwbacks",
                                null,
                                3,
                                List.of(
                                        new PlaylistImported.Entry(
                                                0,
                                                "spotify:track:0UaMYEvWZi0ZqiDOoHU3YI",
                                                "Lose Control (feat. Ciara & Fat Man Scoop)",
                                                "spotify:artist:2wIVse2owClT7go1WT98tk",
                                                "Missy Elliott",
                                                "The Cookbook",
                                                226_863L),
                                        new PlaylistImported.Entry(
                                                1,
                                                "spotify:track:6I9VzXrHxO9rA9A5euc8Ak",
                                                "Toxic",
                                                "local:artist:5d1f2e3a4b5c6d7e",
                                                "Britney Spears",
                                                null,
                                                null)),
                                "mpd")),
                Arguments.of(
                        "artist-cataloged.json",
                        new ArtistCataloged(
                                "6f5e4d3c-2b1a-3098-8a7b-6c5d4e3f2a1b",
                                Instant.parse("2026-11-25T10:00:00Z"),
                                1,
                                "local:artist:0a1b2c3d4e5f6a7b",
                                "Duran Duran",
                                List.of(new ArtistCataloged.Tag("new wave", 42), new ArtistCataloged.Tag("80s", 31)),
                                "lastfm-hetrec")),
                Arguments.of(
                        "artist-plays-counted.json",
                        new ArtistPlaysCounted(
                                "2a3b4c5d-6e7f-3a8b-9c0d-1e2f3a4b5c6d",
                                Instant.parse("2026-11-25T10:00:00Z"),
                                1,
                                "lastfm-2",
                                "local:artist:0a1b2c3d4e5f6a7b",
                                "Duran Duran",
                                13_883,
                                "lastfm-hetrec")),
                Arguments.of(
                        "feedback-given.json",
                        new FeedbackGiven(
                                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                                Instant.parse("2026-11-21T07:30:00Z"),
                                1,
                                "alice",
                                FeedbackGiven.Kind.BAN,
                                FeedbackGiven.Target.ARTIST,
                                "artist:drake",
                                "chat")),
                Arguments.of(
                        "user-features-updated.json",
                        new UserFeaturesUpdated(
                                "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                                Instant.parse("2026-11-20T18:04:06Z"),
                                1,
                                "alice",
                                1542,
                                311,
                                1,
                                1)),
                Arguments.of(
                        "model-published.json",
                        new ModelPublished(
                                "7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9",
                                Instant.parse("2026-11-20T18:05:00Z"),
                                1,
                                "recommender",
                                "42",
                                "popularity",
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                Map.of("tracks", 1200.0, "users", 35.0),
                                1)),
                Arguments.of(
                        "recommendations-served.json",
                        new RecommendationsServed(
                                "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                                Instant.parse("2026-12-02T09:15:00Z"),
                                1,
                                "c0ffee00-1234-4abc-9def-0123456789ab",
                                "alice",
                                "recommendations",
                                "42",
                                "ials",
                                Map.of("k", "2", "mood", "calm"),
                                List.of(
                                        new RecommendationsServed.Item(
                                                1, "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp", 0.93, "model"),
                                        new RecommendationsServed.Item(
                                                2, "spotify:track:4uLU6hMCjMI75M1A2tKUQC", 0.71, "content")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writingTheEventGivesTheGoldenJson(String file, SpotifyMateEvent event) throws IOException {
        JsonNode written = TREES.readTree(EventJson.write(event));

        assertThat(written).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theGoldenJsonReadsAsTheEvent(String file, SpotifyMateEvent event) throws IOException {
        SpotifyMateEvent read = EventJson.read(TREES.writeValueAsBytes(golden(file)), event.getClass());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readersIgnoreFieldsAddedByANewerProducer(String file, SpotifyMateEvent event) throws IOException {
        ObjectNode newer = (ObjectNode) golden(file);
        newer.put("addedInAFutureVersion", "ignored");
        newer.putObject("nestedAddition").put("x", 1);

        SpotifyMateEvent read = EventJson.read(TREES.writeValueAsBytes(newer), event.getClass());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyGoldenSampleCarriesIdTimeAndSchemaVersion(String file, SpotifyMateEvent event) throws IOException {
        JsonNode json = golden(file);

        assertThat(json.path("eventId").asText()).isNotBlank();
        assertThat(Instant.parse(json.path("occurredAt").asText())).isEqualTo(event.occurredAt());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    }

    private static JsonNode golden(String file) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden sample %s", file).isNotNull();
            return TREES.readTree(in);
        }
    }
}
