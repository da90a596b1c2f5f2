package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.ingestion.repository.ImportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpdImporterTest {

    private static final String TOXIC = "spotify:track:6I9VzXrHxO9rA9A5euc8Ak";

    @TempDir
    Path temp;

    private final MpdImporter importer = new MpdImporter();

    @Test
    void playlistsAreImportedAndOnlyTracksTheCatalogLacksBecomeEntriesOnce() throws IOException {
        Importer.Upload upload = RecordingRun.upload(
                Files.writeString(temp.resolve("mpd.slice.0-999.json"), Fixtures.mpdSlice()), false);
        RecordingRun recording = new RecordingRun();
        recording.catalog.learn(
                recording.events.metadataEntry(TOXIC, "Toxic", "Britney Spears", "In The Zone", null, null, "test"));

        importer.read(upload, recording.run);

        assertThat(recording.sent(PlaylistImported.class))
                .extracting(PlaylistImported::playlistId)
                .containsExactly("mpd:0", "mpd:1");
        assertThat(recording.sent(TrackCataloged.class))
                .extracting(TrackCataloged::name)
                .containsExactly("Lose Control (feat. Ciara & Fat Man Scoop)", "Without Me");
        ImportJob job = recording.job();
        assertThat(job.rowsRead).isEqualTo(2).isEqualTo(importer.count(upload));
        assertThat(job.accepted).isEqualTo(2);
        assertThat(job.skipped).containsOnly(entry(MpdImporter.DROPPED_PLAYLIST_TRACKS, 1L));
        assertThat(job.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.row()).isEqualTo(1);
            assertThat(rejection.reason()).startsWith("1 track(s) left out, first: ");
        });
        assertThat(recording.run.formats()).containsExactly("MPD_SLICE");
    }

    @Test
    void inAZipEverySliceIsReadAndOtherJsonFilesAreListedAsIgnored() throws IOException {
        Path zip = temp.resolve("slices.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream entries = new ZipOutputStream(out)) {
            for (String name : new String[] {"data/mpd.slice.0-999.json", "data/mpd.slice.1000-1999.json"}) {
                entries.putNextEntry(new ZipEntry(name));
                entries.write(Fixtures.mpdSlice().getBytes(StandardCharsets.UTF_8));
            }
            entries.putNextEntry(new ZipEntry("data/stats.json"));
            entries.write("{\"playlists_total\": 4}".getBytes(StandardCharsets.UTF_8));
        }
        Importer.Upload upload = RecordingRun.upload(zip, true);
        RecordingRun recording = new RecordingRun();

        importer.read(upload, recording.run);

        assertThat(recording.sent(PlaylistImported.class)).hasSize(4);
        assertThat(recording.sent(TrackCataloged.class))
                .as("each track catalogued once per job")
                .hasSize(3);
        assertThat(recording.job().rowsRead).isEqualTo(4).isEqualTo(importer.count(upload));
        assertThat(recording.run.formats()).containsExactly("MPD_SLICE");
        assertThat(recording.run.ignored()).containsExactly("data/stats.json");
    }
}
