package io.spotifymate.ingestion.service;

import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.exports.ExportReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One format SpotifyMate imports, from recognising an upload to the events its rows become. {@link UploadInspector}
 * offers each upload to the importers of {@link Importers}; the job of an accepted upload then counts its rows and
 * reads them with the importer of its kind. Importers keep no state: what a job is doing is in its {@link ImportRun}.
 */
interface Importer {

    /** Whether an upload is an importer's format. */
    enum Recognition {
        /** Not its format. */
        NO,
        /** Its format. */
        YES,
        /** Its format unless another importer says {@link #YES}: a zip of empty histories beside playlist slices. */
        FALLBACK
    }

    /**
     * A spooled upload as an importer reads it.
     *
     * @param zip whether the file starts as a zip archive does
     * @param limits the caps an archive is read under (entries, bytes inflated)
     */
    record Upload(String fileName, Path file, boolean zip, ExportArchive.Limits limits) {

        /** The upload as a zip archive, read under its limits. */
        ExportArchive archive() {
            return new ExportArchive(new ExportReader(), limits);
        }
    }

    /** The kind of upload it reads, as the job records it. */
    UploadKind kind();

    /**
     * Whether an upload is its format, from what its files look like.
     *
     * @param contents what the upload's one file, or the files of its zip, look like
     * @param archive whether the upload is a zip
     * @throws UploadRejectedException when the upload is its format but cannot be imported as it is (one file of a
     *     dataset that is read as a whole)
     */
    Recognition recognise(Set<FileContent> contents, boolean archive, String fileName);

    /**
     * The rows {@link #read} reports, counted cheaply for the progress bar, on a thread of its own beside the read. A
     * problem that the read meets again and reports ends the count quietly with the rows counted so far.
     */
    long count(Upload upload) throws IOException;

    /**
     * Reads the upload's rows and sends the events they become through the run, telling the run's progress what became
     * of every row, and records the formats read and files ignored.
     */
    void read(Upload upload, ImportRun run) throws IOException;
}
