package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.repository.ImportJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImporterTest {

    private static final String RICK = "spotify:track:4uLU6hMCjMI75M1A2tKUQC";

    @TempDir
    Path temp;

    private final CatalogImporter importer = new CatalogImporter();

    private Importer.Upload csv(String text) throws IOException {
        return RecordingRun.upload(
                Files.writeString(temp.resolve("catalog.csv"), text, StandardCharsets.ISO_8859_1), false);
    }

    @Test
    void rowsBecomeCatalogEntriesTheIndexKnowsAtOnceAndLostCellsAreCountedByColumn() throws IOException {
        Importer.Upload upload = csv("""
                track_id,name,artist,energy,tempo
                4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,Rick Astley,0.9,fast
                ,,,0.5,120
                ,Halo,Beyoncé,0.5,
                """);
        RecordingRun recording = new RecordingRun();

        importer.read(upload, recording.run);

        assertThat(recording.sent(TrackCataloged.class))
                .extracting(TrackCataloged::trackId, TrackCataloged::name, TrackCataloged::source)
                .containsExactly(
                        tuple(RICK, "Never Gonna Give You Up", "catalog-csv"),
                        tuple(TrackIds.local("Beyoncé", "Halo"), "Halo", "catalog-csv"));
        assertThat(recording.catalog.knows(RICK)).isTrue();
        ImportJob job = recording.job();
        assertThat(job.rowsRead).isEqualTo(3).isEqualTo(importer.count(upload));
        assertThat(job.accepted).isEqualTo(2);
        assertThat(job.skipped).containsOnly(entry(CatalogImporter.UNREADABLE_CELLS, 1L));
        assertThat(job.unreadableCells).containsOnly(entry("tempo", 1L));
        assertThat(job.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.file()).isEqualTo("catalog.csv");
            assertThat(rejection.row()).isEqualTo(2);
        });
        assertThat(recording.run.formats()).containsExactly("CATALOG_CSV");
    }

    @Test
    void aTableWithoutCatalogColumnsIsAFileErrorAndNoFormatSoTheJobFails() throws IOException {
        RecordingRun recording = new RecordingRun();

        importer.read(csv("colour,size\nred,3\n"), recording.run);

        assertThat(recording.sent).isEmpty();
        assertThat(recording.run.formats()).isEmpty();
        assertThat(recording.progress.firstFileError()).contains("no track id column");
    }
}
