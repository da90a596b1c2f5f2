package io.spotifymate.ingestion.service;

import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import io.spotifymate.ingestion.playlists.MpdReader;
import io.spotifymate.ingestion.playlists.MpdRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Spotify Million Playlist Dataset slices, one file or a zip of them: playlists become PlaylistImported events, and
 * each track the catalog does not know yet a catalog entry. Tracks left out for a missing field are counted, with the
 * first reason per playlist.
 */
final class MpdImporter implements Importer {

    /** The format name a job reports for Million Playlist Dataset slices. */
    static final String MPD_SLICE = "MPD_SLICE";
    /** Counted in a job's skipped map: playlist tracks without a usable uri, name or artist. */
    static final String DROPPED_PLAYLIST_TRACKS = "DROPPED_PLAYLIST_TRACKS";

    @Override
    public UploadKind kind() {
        return UploadKind.MPD_SLICES;
    }

    @Override
    public Recognition recognise(Set<FileContent> contents, boolean archive, String fileName) {
        return contents.contains(FileContent.MPD_SLICE) ? Recognition.YES : Recognition.NO;
    }

    @Override
    public long count(Upload upload) throws IOException {
        long[] rows = {0};
        ExportArchive.EntryReader counter = (name, shortName, body) -> {
            new MpdReader().read(body, shortName, row -> rows[0]++);
            return Optional.empty();
        };
        try (InputStream in = Files.newInputStream(upload.file())) {
            if (upload.zip()) {
                upload.archive().readEntries(in, counter);
            } else {
                counter.read(upload.fileName(), upload.fileName(), in);
            }
        } catch (UnreadableExportException e) {
            // The read meets the same problem and reports it; the count so far is what it will reach.
        }
        return rows[0];
    }

    @Override
    public void read(Upload upload, ImportRun run) throws IOException {
        Set<String> cataloged = new HashSet<>();
        ExportArchive.EntryReader slices =
                (name, shortName, body) -> new MpdReader().read(body, shortName, row -> map(name, row, cataloged, run))
                        ? Optional.of(MPD_SLICE)
                        : Optional.empty();
        try (InputStream in = Files.newInputStream(upload.file())) {
            if (upload.zip()) {
                upload.archive().readEntries(in, slices).forEach(run::fileResult);
            } else {
                slices.read(upload.fileName(), upload.fileName(), in).ifPresent(run::format);
            }
        }
    }

    private static void map(String file, MpdRow row, Set<String> cataloged, ImportRun run) {
        JobProgress progress = run.progress();
        progress.read();
        if (row instanceof MpdRow.Playlist read) {
            List<CompletionStage<?>> acks = new ArrayList<>();
            acks.add(run.send(run.events().playlist(read.playlist())));
            for (PlaylistImported.Entry track : read.playlist().tracks()) {
                // A slice knows only names: a track the catalog has (perhaps with audio features) is left as it is.
                if (cataloged.add(track.trackId()) && !run.catalog().knows(track.trackId())) {
                    TrackCataloged entry = run.events().catalogEntry(track);
                    acks.add(run.send(entry));
                    run.catalog().learn(entry);
                }
            }
            progress.accepted(acks.toArray(CompletionStage[]::new));
            if (read.droppedTracks() > 0) {
                progress.skipped(DROPPED_PLAYLIST_TRACKS, read.droppedTracks());
                progress.rejected(
                        file,
                        read.row(),
                        read.droppedTracks() + " track(s) left out, first: " + read.firstDropReason());
            }
        } else if (row instanceof MpdRow.Rejected rejected) {
            progress.rejected(file, rejected.row(), rejected.reason());
        }
    }
}
