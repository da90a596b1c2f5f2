package io.spotifymate.ingestion.service;

import io.spotifymate.events.datasets.HetRecReader;
import io.spotifymate.events.datasets.HetRecRow;
import io.spotifymate.ingestion.exports.InflateBudget;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * The Last.fm HetRec 2011 zip, read with random access by the shared {@link HetRecReader}: each artist becomes an
 * ArtistCataloged with its most used tags, each user's play count of an artist an ArtistPlaysCounted. Tag rows are
 * taken into their artists' entries without events of their own.
 */
final class HetRecImporter implements Importer {

    @Override
    public UploadKind kind() {
        return UploadKind.LASTFM_HETREC;
    }

    /** The zip with artists.dat; a HetRec file alone, or a zip without artists.dat, is refused with what is missing. */
    @Override
    public Recognition recognise(Set<FileContent> contents, boolean archive, String fileName) {
        boolean artists = contents.contains(FileContent.HETREC_ARTISTS);
        if (!artists && !contents.contains(FileContent.HETREC_OTHER)) {
            return Recognition.NO;
        }
        if (!archive) {
            throw UploadRejectedException.unsupported(fileName + " is one file of the Last.fm HetRec dataset: "
                    + "upload the dataset's zip, with artists.dat beside user_artists.dat and the tag files");
        }
        if (!artists) {
            throw UploadRejectedException.unreadable(fileName + " holds Last.fm HetRec files but not artists.dat "
                    + "(id, name, url, pictureURL), which names the artists");
        }
        return Recognition.YES;
    }

    @Override
    public long count(Upload upload) throws IOException {
        try (ZipFile zip = new ZipFile(upload.file().toFile())) {
            return HetRecReader.countRows(files(zip, upload, new ArrayList<>()));
        } catch (UnreadableExportException e) {
            // Over the inflate budget: the read meets it again and reports it.
            return 0;
        }
    }

    /** Artists first, so plays and tags can name them. */
    @Override
    public void read(Upload upload, ImportRun run) throws IOException {
        try (ZipFile zip = new ZipFile(upload.file().toFile())) {
            new HetRecReader().read(files(zip, upload, run.ignored()), row -> map(row, run));
            run.format(kind().name());
        }
    }

    private static void map(HetRecRow row, ImportRun run) {
        JobProgress progress = run.progress();
        progress.read();
        if (row instanceof HetRecRow.Artist artist) {
            progress.accepted(run.send(run.events().artist(artist)));
        } else if (row instanceof HetRecRow.UserArtistPlays counted) {
            progress.accepted(run.send(run.events().artistPlays(counted)));
        } else if (row instanceof HetRecRow.Tag || row instanceof HetRecRow.ArtistTagged) {
            progress.used();
        } else if (row instanceof HetRecRow.Skipped skipped) {
            progress.skipped(skipped.kind(), 1);
        } else if (row instanceof HetRecRow.Rejected rejected) {
            progress.rejected(rejected.file(), rejected.row(), rejected.reason());
        }
    }

    private static Map<HetRecReader.FileKind, HetRecReader.DataFile> files(
            ZipFile zip, Upload upload, List<String> ignored) throws IOException {
        InflateBudget budget = new InflateBudget(upload.limits().maxUncompressedBytes());
        return HetRecReader.filesIn(zip, budget::guard, ignored);
    }
}
