package io.spotifymate.ingestion.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each format from small fixtures written here after the field lists of the real exports. */
class ExportReaderTest {

    private final ExportReader reader = new ExportReader();

    private record Result(Optional<ExportFormat> format, List<ExportRow> rows) {
        List<ExportedPlay> plays() {
            return rows.stream()
                    .filter(ExportRow.Play.class::isInstance)
                    .map(row -> ((ExportRow.Play) row).play())
                    .toList();
        }

        List<ExportRow.Kind> skipped() {
            return rows.stream()
                    .filter(ExportRow.Skipped.class::isInstance)
                    .map(row -> ((ExportRow.Skipped) row).kind())
                    .toList();
        }

        List<String> rejected() {
            return rows.stream()
                    .filter(ExportRow.Rejected.class::isInstance)
                    .map(row -> row.row() + ": " + ((ExportRow.Rejected) row).reason())
                    .toList();
        }
    }

    private Result read(String fileName, String content) throws IOException {
        return read(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private Result read(String fileName, byte[] content) throws IOException {
        List<ExportRow> rows = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(content)) {
            return new Result(reader.read(in, fileName, rows::add), rows);
        }
    }

    @Test
    void theBasicExportGivesMusicPlaysAndCountsPodcastsWithBomAndCrlf() throws IOException {
        String json = "[\r\n"
                + "{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"Beyoncé\", \"trackName\": \"Halo\", "
                + "\"msPlayed\": 261000},\r\n"
                + "{\"endTime\": \"2024-02-01 00:03\", \"artistName\": \"Queen\", \"trackName\": \"Bohemian Rhapsody\", "
                + "\"msPlayed\": 0},\r\n"
                + "{\"endTime\": \"2024-02-01 00:10\", \"podcastName\": \"The Daily\", \"episodeName\": \"Monday\", "
                + "\"msPlayed\": 1200000},\r\n"
                + "{\"endTime\": \"yesterday\", \"artistName\": \"X\", \"trackName\": \"Y\", \"msPlayed\": 1},\r\n"
                + "{\"endTime\": \"2024-02-01 00:20\", \"trackName\": \"No Artist\", \"msPlayed\": 1}\r\n"
                + "]\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);

        Result result = read("StreamingHistory_music_0.json", withBom);

        assertThat(result.format()).contains(ExportFormat.SPOTIFY_BASIC);
        assertThat(result.plays()).hasSize(2);
        ExportedPlay halo = result.plays().get(0);
        assertThat(halo.trackId()).isNull();
        assertThat(halo.artistName()).isEqualTo("Beyoncé");
        assertThat(halo.playedAt()).isEqualTo(Instant.parse("2024-01-31T23:59:00Z"));
        assertThat(halo.msPlayed()).isEqualTo(261_000);
        assertThat(result.skipped()).containsExactly(ExportRow.Kind.PODCAST);
        assertThat(result.rejected())
                .containsExactly("4: endTime 'yesterday' is not YYYY-MM-DD HH:MM", "5: artistName is missing");
    }

    private static String extendedRow(String extra) {
        return "{\"ts\": \"2023-06-01T20:15:30Z\", \"platform\": \"android\", \"ms_played\": 187000, "
                + "\"conn_country\": \"DE\", \"ip_addr\": \"203.0.113.9\", "
                + "\"master_metadata_track_name\": \"Mr. Brightside\", "
                + "\"master_metadata_album_artist_name\": \"The Killers\", "
                + "\"master_metadata_album_album_name\": \"Hot Fuss\", "
                + "\"spotify_track_uri\": \"spotify:track:3n3Ppam7vgaVa1iaRUc9Lp\", \"episode_name\": null, "
                + "\"episode_show_name\": null, \"spotify_episode_uri\": null, \"reason_start\": \"clickrow\", "
                + "\"reason_end\": \"fwdbtn\", \"shuffle\": true, \"skipped\": true, \"offline\": false, "
                + "\"offline_timestamp\": 0, \"incognito_mode\": false"
                + extra
                + "}";
    }

    private static final String EPISODE = "{\"ts\": \"2023-06-01T21:00:00Z\", \"ms_played\": 900000, "
            + "\"master_metadata_track_name\": null, \"master_metadata_album_artist_name\": null, "
            + "\"spotify_track_uri\": null, \"episode_name\": \"Ep 1\", \"episode_show_name\": \"Show\", "
            + "\"spotify_episode_uri\": \"spotify:episode:0Q86acNRm6V9GYx55SXKwf\"}";

    private static final String CHAPTER = "{\"ts\": \"2023-06-01T22:00:00Z\", \"ms_played\": 600000, "
            + "\"master_metadata_track_name\": null, \"spotify_track_uri\": null, \"episode_name\": null, "
            + "\"audiobook_title\": \"Dune\", \"audiobook_uri\": \"spotify:show:abc\", "
            + "\"audiobook_chapter_uri\": \"spotify:episode:def\", \"audiobook_chapter_title\": \"Chapter 1\"}";

    @Test
    void theExtendedExportKeepsListeningFieldsAndSkipsEpisodesAndAudiobooksByKind() throws IOException {
        Result result = read(
                "Streaming_History_Audio_2023_1.json",
                "[" + extendedRow(", \"audiobook_title\": null") + "," + EPISODE + "," + CHAPTER + "]");

        assertThat(result.format()).contains(ExportFormat.SPOTIFY_EXTENDED);
        assertThat(result.plays()).singleElement().satisfies(play -> {
            assertThat(play.trackId()).isEqualTo("spotify:track:3n3Ppam7vgaVa1iaRUc9Lp");
            assertThat(play.albumName()).isEqualTo("Hot Fuss");
            assertThat(play.playedAt()).isEqualTo(Instant.parse("2023-06-01T20:15:30Z"));
            assertThat(play.reasonStart()).isEqualTo("clickrow");
            assertThat(play.reasonEnd()).isEqualTo("fwdbtn");
            assertThat(play.skipped()).isTrue();
            assertThat(play.shuffle()).isTrue();
            assertThat(play.offline()).isFalse();
            assertThat(play.platform()).isEqualTo("android");
        });
        assertThat(result.skipped()).containsExactly(ExportRow.Kind.PODCAST, ExportRow.Kind.AUDIOBOOK);
    }

    @Test
    void episodesInAVideoHistoryFileCountAsVideo() throws IOException {
        Result result = read("Streaming_History_Video_2023.json", "[" + EPISODE + "]");

        assertThat(result.skipped()).containsExactly(ExportRow.Kind.VIDEO);
    }

    @Test
    void theLegacyEndsongExportIsRecognisedByItsContentWhateverTheFileIsCalled() throws IOException {
        Result result = read(
                "my-history.json",
                "["
                        + extendedRow(", \"username\": \"someone\", \"user_agent_decrypted\": \"unknown\", "
                                + "\"ip_addr_decrypted\": \"198.51.100.7\", \"offline_timestamp\": 1685650530000")
                        + "]");

        assertThat(result.format()).contains(ExportFormat.SPOTIFY_LEGACY);
        assertThat(result.plays()).hasSize(1);
    }

    @Test
    void noPersonalNetworkOrAccountFieldCanReachAPlay() {
        List<String> sensitive = List.of("ipaddr", "ipaddrdecrypted", "useragentdecrypted", "username", "conncountry");

        assertThat(Arrays.stream(ExportedPlay.class.getRecordComponents())
                        .map(component -> component.getName().toLowerCase().replace("_", "")))
                .doesNotContainAnyElementsOf(sensitive);
    }

    @Test
    void listenBrainzJsonLinesGiveSpotifyIdsFromTheirUrls() throws IOException {
        String lines = "{\"listened_at\": 1700000000, \"track_metadata\": {\"track_name\": \"Karma Police\", "
                + "\"artist_name\": \"Radiohead\", \"release_name\": \"OK Computer\", \"additional_info\": "
                + "{\"spotify_id\": \"https://open.spotify.com/track/63OQupATfueTdZMWTxW03A\", \"duration_ms\": 264066, "
                + "\"music_service_name\": \"spotify\"}}}\n"
                + "\n"
                + "{\"listened_at\": 1700000300, \"track_metadata\": {\"track_name\": \"Untitled\", "
                + "\"artist_name\": \"Someone\"}}\n"
                + "{\"track_metadata\": {\"track_name\": \"No Time\", \"artist_name\": \"A\"}}\n"
                + "{broken json\n";

        Result result = read("listens.jsonl", lines);

        assertThat(result.format()).contains(ExportFormat.LISTENBRAINZ);
        assertThat(result.plays()).hasSize(2);
        assertThat(result.plays().get(0).trackId()).isEqualTo("spotify:track:63OQupATfueTdZMWTxW03A");
        assertThat(result.plays().get(0).msPlayed()).isEqualTo(264_066);
        assertThat(result.plays().get(0).playedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(result.plays().get(1).trackId()).isNull();
        assertThat(result.rejected()).hasSize(2).first().isEqualTo("3: listened_at is missing or not epoch seconds");
        assertThat(result.rejected().get(1)).startsWith("4: invalid JSON");
    }

    @Test
    void aFileThatBreaksOffKeepsTheRowsBeforeAndSaysWhere() throws IOException {
        List<ExportRow> rows = new ArrayList<>();
        String truncated = "[{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"A\", \"trackName\": \"B\", "
                + "\"msPlayed\": 1}, {\"endTime\": \"2024-02";

        assertThatThrownBy(() -> reader.read(
                        new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)),
                        "StreamingHistory0.json",
                        rows::add))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("StreamingHistory0.json")
                .hasMessageContaining("in row 2");
        assertThat(rows).hasSize(1).first().isInstanceOf(ExportRow.Play.class);
    }

    @Test
    void otherFilesOfTheSpotifyArchiveAreNotListeningHistories() throws IOException {
        Result playlists = read("Playlist1.json", "{\n  \"playlists\": [\n    {\"name\": \"Road trip\"}\n  ]\n}\n");
        Result searches = read("SearchQueries.json", "[{\"platform\": \"IPHONE\", \"searchTime\": \"2024\"}]");

        assertThat(playlists.format()).isEmpty();
        assertThat(playlists.rows()).isEmpty();
        assertThat(searches.format()).isEmpty();
        assertThat(searches.rows()).isEmpty();
    }

    @Test
    void somethingThatIsNotJsonIsRefusedAndAnEmptyFileHasNoFormat() throws IOException {
        assertThatThrownBy(() -> read("notes.txt", "endTime,artistName\n"))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("notes.txt");
        assertThat(read("StreamingHistory1.json", "  \n").format()).isEmpty();
        assertThat(read("StreamingHistory1.json", "[]").rows()).isEmpty();
    }

    @Test
    void aUtf16ExportIsReadAndALatin1OneStopsAtTheFirstBadRowWithTheRowsBeforeKept() throws IOException {
        String json = "[{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"Queen\", \"trackName\": \"Bohemian\", "
                + "\"msPlayed\": 1000},\n{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"Beyoncé\", "
                + "\"trackName\": \"Halo\", \"msPlayed\": 261000}]";

        Result utf16 = read("StreamingHistory0.json", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16LE));
        assertThat(utf16.plays()).extracting(ExportedPlay::artistName).containsExactly("Queen", "Beyoncé");

        List<ExportRow> rows = new ArrayList<>();
        assertThatThrownBy(() -> reader.read(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.ISO_8859_1)), "latin1.json", rows::add))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("latin1.json is not valid JSON in row 2")
                .hasMessageContaining("UTF-8");
        assertThat(rows).hasSize(1);
    }

    @Test
    void theCountingPassCountsWhatTheImportPassReportsEvenWithBracesInStringsAndABreak() throws IOException {
        String rows = "[{\"ts\": \"2023-06-01T20:15:30Z\", \"ms_played\": 1, \"master_metadata_track_name\": "
                + "\"{[Weird]} \\\"title\\\"\", \"master_metadata_album_artist_name\": \"A\"},\n"
                + "{\"ts\": \"2023-06-01T20:16:30Z\", \"ms_played\": 2, \"master_metadata_track_name\": \"B\", "
                + "\"master_metadata_album_artist_name\": \"}\"},\n"
                + "{\"ts\": \"2023-06-01T20:17:30Z\", \"ms_pla";
        byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);

        long counted = reader.count(new ByteArrayInputStream(bytes), "Streaming_History_Audio_2023.json");
        List<ExportRow> read = new ArrayList<>();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "a.json", read::add))
                .isInstanceOf(UnreadableExportException.class);

        assertThat(counted).isEqualTo(read.size()).isEqualTo(2);
        assertThat(reader.count(
                        new ByteArrayInputStream("[{\"platform\": \"x\"}]".getBytes(StandardCharsets.UTF_8)), "b.json"))
                .as("not an export")
                .isZero();
    }

    @Test
    void spotifysTimestampsAreReadByHandExactlyAsTheGeneralParserReadsThem() {
        for (String text : List.of("2023-06-01T20:15:30Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z")) {
            assertThat(ExportReader.utcInstant(text)).isEqualTo(Instant.parse(text));
        }
        assertThat(ExportReader.utcInstant("2023-06-01T20:15:30.123Z"))
                .isEqualTo(Instant.parse("2023-06-01T20:15:30.123Z"));
        assertThatThrownBy(() -> ExportReader.utcInstant("2023-02-30T20:15:30Z"))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> ExportReader.utcInstant("2023-0x-01T20:15:30Z"))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
