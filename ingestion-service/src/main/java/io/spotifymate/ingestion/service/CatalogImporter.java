package io.spotifymate.ingestion.service;

import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.datasets.TextDecoding;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.catalog.CatalogRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A catalog CSV (one file, never zipped): each row becomes a TrackCataloged, which this instance's catalog index
 * learns at once. Cells that hold no valid value count as missing, by column.
 */
final class CatalogImporter implements Importer {

    /** The format name a job reports for a catalog file. */
    static final String CATALOG_CSV = "CATALOG_CSV";
    /**
     * Counted in a job's skipped map: catalog cells that held no valid value and count as missing. The job's
     * unreadableCells has them by column.
     */
    static final String UNREADABLE_CELLS = "UNREADABLE_CELLS";

    @Override
    public UploadKind kind() {
        return UploadKind.CATALOG_CSV;
    }

    /** A single file whose header names catalog columns; in a zip, catalogs are not looked for. */
    @Override
    public Recognition recognise(Set<FileContent> contents, boolean archive, String fileName) {
        return !archive && contents.contains(FileContent.CATALOG_CSV) ? Recognition.YES : Recognition.NO;
    }

    @Override
    public long count(Upload upload) throws IOException {
        try (Reader reader = text(upload.file())) {
            return new CatalogReader().count(reader);
        }
    }

    @Override
    public void read(Upload upload, ImportRun run) throws IOException {
        JobProgress progress = run.progress();
        try (Reader in = text(upload.file())) {
            new CatalogReader().read(in, row -> {
                progress.read();
                if (row instanceof CatalogRow.Entry entry) {
                    TrackCataloged event = run.events().catalogEntry(entry);
                    // Counted first, so the save a full batch makes holds this row's lost cells too.
                    progress.unreadableCells(UNREADABLE_CELLS, entry.unreadableCells());
                    progress.accepted(run.send(event));
                    run.catalog().learn(event);
                } else if (row instanceof CatalogRow.Rejected rejected) {
                    progress.rejected(upload.fileName(), rejected.row(), rejected.reason());
                }
            });
            run.format(CATALOG_CSV);
        } catch (CatalogReader.NotACatalogException e) {
            progress.fileError(upload.fileName(), e.getMessage());
        }
    }

    /** A catalog file as text, in the encoding its bytes show (UTF-8 unless they are not). */
    private static Reader text(Path file) throws IOException {
        Charset charset = TextDecoding.detect(() -> Files.newInputStream(file));
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 64 * 1024);
    }
}
