package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.ingestion.config.ImportConfig;
import io.spotifymate.ingestion.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadInspectorTest {

    @TempDir
    Path temp;

    private final UploadInspector inspector = new UploadInspector(new Limits(100_000, 5, 1_000_000));

    private UploadKind inspect(String name, byte[] content) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, content);
        return inspector.inspect(file, name);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formatsAreToldFromContentWhateverTheFileIsCalled() throws IOException {
        assertThat(inspect("a.bin", utf8("[{\"endTime\": \"2024-01-31 23:59\", \"artistName\": \"A\"}]")))
                .isEqualTo(UploadKind.LISTENING_HISTORY);
        assertThat(inspect("b.txt", utf8("{\"listened_at\": 1700000000, \"track_metadata\": {}}\n")))
                .isEqualTo(UploadKind.LISTENING_HISTORY);
        assertThat(inspect("c.json", utf8(Fixtures.mpdSlice()))).isEqualTo(UploadKind.MPD_SLICES);
        assertThat(inspect("d.json", utf8("\uFEFFtrack,artist,uri,energy\r\nHalo,Beyoncé,,0.5\r\n")))
                .isEqualTo(UploadKind.CATALOG_CSV);
        assertThat(inspect("e.zip", Fixtures.hetRecZip())).isEqualTo(UploadKind.LASTFM_HETREC);
    }

    @Test
    void aUtf16ExportAsSomeWindowsToolsSaveItIsStillAnExport() throws IOException {
        byte[] utf16 =
                "\uFEFF[{\"ts\": \"2023-06-01T20:15:30Z\", \"ms_played\": 1}]".getBytes(StandardCharsets.UTF_16LE);

        assertThat(inspect("Streaming_History_Audio_2023.json", utf16)).isEqualTo(UploadKind.LISTENING_HISTORY);
    }

    @Test
    void unknownContentIsA415ThatSaysWhatItLooksLike() {
        assertThatThrownBy(
                        () -> inspect("photo.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0}))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("binary data");
        assertThatThrownBy(() -> inspect("Userdata.json", utf8("{\"username\": \"someone\", \"email\": \"x\"}")))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("none of the fields of a known export");
        assertThatThrownBy(() -> inspect("Playlist1.json", utf8("{\"playlists\": [{\"name\": \"Road trip\"}]}")))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> inspect("user_artists.dat", utf8("userID\tartistID\tweight\r\n2\t51\t13883\r\n")))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("upload the dataset's zip");
    }

    @Test
    void overTheLimitsIsA413NamingTheLimitBeforeAnythingIsInflated() throws IOException {
        assertThatThrownBy(() -> inspect("big.json", new byte[100_001]))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("max-upload-bytes");

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 6; i++) {
                zip.putNextEntry(new ZipEntry("StreamingHistory" + i + ".json"));
                zip.write(utf8("[]"));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> inspect("many.zip", many.toByteArray()))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("6 entries");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("StreamingHistory0.json"));
            zip.write(new byte[2_000_000]);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> inspect("bomb.zip", bomb.toByteArray()))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("inflates to 2000000 bytes");
    }

    @Test
    void aBrokenZipIsA422() {
        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};

        assertThatThrownBy(() -> inspect("my_spotify_data.zip", broken))
                .isInstanceOfSatisfying(
                        UploadRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("not a readable zip archive");
    }

    private record Limits(long maxUploadBytes, int maxZipEntries, long maxUncompressedBytes) implements ImportConfig {
        @Override
        public Path spoolDir() {
            return Path.of(".");
        }

        @Override
        public int batchSize() {
            return 250;
        }

        @Override
        public Duration progressInterval() {
            return Duration.ofMillis(500);
        }

        @Override
        public int kafkaRetries() {
            return 0;
        }

        @Override
        public Duration kafkaRetryDelay() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int keptRejections() {
            return 50;
        }
    }
}
