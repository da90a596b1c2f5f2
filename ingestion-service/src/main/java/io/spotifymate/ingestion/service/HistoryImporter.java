package io.spotifymate.ingestion.service;

import io.spotifymate.events.PlayRecorded;
import io.spotifymate.ingestion.exports.ExportFormat;
import io.spotifymate.ingestion.exports.ExportReader;
import io.spotifymate.ingestion.exports.ExportRow;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One user's listening history: Spotify's basic, extended and legacy endsong files or a ListenBrainz export, one file
 * or the zip Spotify sends. Each play becomes a PlayRecorded; podcast, video and audiobook rows are counted as skipped
 * by kind.
 */
final class HistoryImporter implements Importer {

    @Override
    public UploadKind kind() {
        return UploadKind.LISTENING_HISTORY;
    }

    /** Any file with an export's fields; a history without plays only when nothing else claims the upload. */
    @Override
    public Recognition recognise(Set<FileContent> contents, boolean archive, String fileName) {
        if (contents.contains(FileContent.EXPORT)) {
            return Recognition.YES;
        }
        return contents.contains(FileContent.EMPTY_JSON) ? Recognition.FALLBACK : Recognition.NO;
    }

    @Override
    public long count(Upload upload) throws IOException {
        long[] rows = {0};
        try (InputStream in = Files.newInputStream(upload.file())) {
            if (upload.zip()) {
                upload.archive().readEntries(in, (name, shortName, body) -> {
                    rows[0] += new ExportReader().count(body, shortName);
                    return Optional.empty();
                });
            } else {
                rows[0] = new ExportReader().count(in, upload.fileName());
            }
        } catch (UnreadableExportException e) {
            // The read meets the same problem and reports it; the count so far is what it will reach.
        }
        return rows[0];
    }

    @Override
    public void read(Upload upload, ImportRun run) throws IOException {
        BiConsumer<String, ExportRow> rows = (file, row) -> map(file, row, run);
        try (InputStream in = Files.newInputStream(upload.file())) {
            if (upload.zip()) {
                upload.archive().read(in, rows).forEach(run::fileResult);
            } else {
                new ExportReader()
                        .read(in, upload.fileName(), row -> rows.accept(upload.fileName(), row))
                        .ifPresent(format -> run.format(format.name()));
            }
        }
    }

    private static void map(String file, ExportRow row, ImportRun run) {
        JobProgress progress = run.progress();
        progress.read();
        if (row instanceof ExportRow.Play play) {
            PlayRecorded event = run.plays().fromExport(run.userId(), play.play(), source(play.format()));
            // Counted first, so the save a full batch makes holds this play too.
            progress.play(play.play().trackId() != null, event.trackId());
            progress.accepted(run.send(event));
            run.played(event.playedAt());
            run.spotify().noteUnknownTrack(run.userId(), event.trackId());
        } else if (row instanceof ExportRow.Skipped skipped) {
            progress.skipped(skipped.kind().name(), 1);
        } else if (row instanceof ExportRow.Rejected rejected) {
            progress.rejected(file, rejected.row(), rejected.reason());
        }
    }

    private static String source(ExportFormat format) {
        return format == ExportFormat.LISTENBRAINZ ? "listenbrainz" : "spotify-export";
    }
}
