package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history importer's count; what its rows become is tested through the API (ImportResourceTest). */
class HistoryImporterTest {

    private static final String PLAY = "{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"Beyoncé\", "
            + "\"trackName\": \"Halo\", \"msPlayed\": 1000}";

    @TempDir
    Path temp;

    private final HistoryImporter importer = new HistoryImporter();

    @Test
    void theProgressTotalCountsThePlaysOfEveryHistoryFileOfTheZip() throws IOException {
        Path zip = temp.resolve("my_spotify_data.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("Spotify Account Data/StreamingHistory_music_0.json"));
            entries.write(("[" + PLAY + "," + PLAY + "]").getBytes(StandardCharsets.UTF_8));
            entries.putNextEntry(new ZipEntry("Spotify Account Data/StreamingHistory_music_1.json"));
            entries.write(("[" + PLAY + "," + PLAY + "," + PLAY + "]").getBytes(StandardCharsets.UTF_8));
            entries.putNextEntry(new ZipEntry("Spotify Account Data/ReadMeFirst.pdf"));
            entries.write(new byte[] {'%', 'P', 'D', 'F'});
        }

        assertThat(importer.count(RecordingRun.upload(zip, true))).isEqualTo(5);
    }

    @Test
    void aSingleFileIsCountedAsItIs() throws IOException {
        Path file = Files.writeString(temp.resolve("StreamingHistory_music_0.json"), "[" + PLAY + "]");

        assertThat(importer.count(RecordingRun.upload(file, false))).isEqualTo(1);
    }
}
