package io.spotifymate.ingestion.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ExportArchiveTest {

    private static final ExportArchive.Limits ROOMY = new ExportArchive.Limits(100, 10_000_000);

    private static final String BASIC = "[{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"A\", "
            + "\"trackName\": \"B\", \"msPlayed\": 1000}, {\"endTime\": \"2024-02-01 00:05\", "
            + "\"podcastName\": \"P\", \"episodeName\": \"E\", \"msPlayed\": 5}]";

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theHistoryFilesOfASpotifyArchiveAreReadAndTheOtherFilesIgnored() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("MyData/", new byte[0]);
        entries.put("MyData/StreamingHistory_music_0.json", utf8(BASIC));
        entries.put("MyData/Userdata.json", utf8("{\n  \"username\": \"someone\",\n  \"email\": \"x@example.org\"\n}"));
        entries.put("MyData/Playlist1.json", utf8("{\"playlists\": []}"));
        entries.put("MyData/Read_Me_First.pdf", new byte[] {1, 2, 3});
        List<String> rows = new ArrayList<>();

        List<ExportArchive.FileResult> files = new ExportArchive(new ExportReader(), ROOMY)
                .read(new ByteArrayInputStream(zip(entries)), (file, row) -> rows.add(file + "#" + row.row()));

        assertThat(files)
                .extracting(ExportArchive.FileResult::name)
                .containsExactly(
                        "MyData/StreamingHistory_music_0.json", "MyData/Userdata.json", "MyData/Playlist1.json");
        assertThat(files.get(0).format()).contains(ExportFormat.SPOTIFY_BASIC.name());
        assertThat(files.get(1).format()).isEmpty();
        assertThat(rows)
                .containsExactly("MyData/StreamingHistory_music_0.json#1", "MyData/StreamingHistory_music_0.json#2");
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersAreStillRead() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("StreamingHistory0.json", utf8(BASIC.substring(0, BASIC.length() - 20)));
        entries.put("StreamingHistory1.json", utf8(BASIC));
        List<String> files = new ArrayList<>();

        List<ExportArchive.FileResult> results = new ExportArchive(new ExportReader(), ROOMY)
                .read(new ByteArrayInputStream(zip(entries)), (file, row) -> files.add(file));

        assertThat(results.get(0).error())
                .hasValueSatisfying(error -> assertThat(error).contains("row 2"));
        assertThat(results.get(1).format()).contains(ExportFormat.SPOTIFY_BASIC.name());
        assertThat(files).containsExactly("StreamingHistory0.json", "StreamingHistory1.json", "StreamingHistory1.json");
    }

    @Test
    void anArchiveThatInflatesPastTheLimitIsStopped() throws IOException {
        // 5 MB of spaces compress to a few kilobytes: a small zip bomb.
        byte[] bomb = utf8("[" + " ".repeat(5_000_000) + "]");
        byte[] archive = zip(Map.of("StreamingHistory0.json", bomb));
        assertThat(archive.length).isLessThan(50_000);

        assertThatThrownBy(() -> new ExportArchive(new ExportReader(), new ExportArchive.Limits(10, 1_000_000))
                        .read(new ByteArrayInputStream(archive), (file, row) -> {}))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("1000000 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            entries.put("f" + i + ".txt", new byte[] {1});
        }

        assertThatThrownBy(() -> new ExportArchive(new ExportReader(), new ExportArchive.Limits(10, 1_000_000))
                        .read(new ByteArrayInputStream(zip(entries)), (file, row) -> {}))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> new ExportArchive(new ExportReader(), ROOMY)
                        .read(new ByteArrayInputStream(utf8(BASIC)), (file, row) -> {}))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageContaining("zip");
    }
}
