package io.spotifymate.ingestion.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.catalog.CatalogRow;
import io.spotifymate.ingestion.config.ImportConfig;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.exports.ExportFormat;
import io.spotifymate.ingestion.exports.ExportReader;
import io.spotifymate.ingestion.exports.ExportRow;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import io.spotifymate.ingestion.messaging.EventPublisher;
import io.spotifymate.ingestion.repository.ImportJob;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Import jobs: an uploaded export file or archive is spooled, then read on a worker thread, and its music plays are
 * published as PlayRecorded events. Progress (rows read of the counted total) is saved as the job goes, so the API and
 * its progress stream can show it. Event ids come from the content: importing the same file again sends the same
 * events, which consumers count once; an interrupted job can simply be run again.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The format name a job reports for a catalog file. */
    static final String CATALOG_CSV = "CATALOG_CSV";
    /** Counted in a job's skipped map: catalog cells that held no valid value and count as missing. */
    static final String UNREADABLE_CELLS = "UNREADABLE_CELLS";

    private final PlayService plays;
    private final EventPublisher catalog;
    private final ImportConfig config;
    private final Clock clock = Clock.systemUTC();
    // One job at a time: imports are I/O-bound and this keeps a user's plays in file order.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public ImportService(PlayService plays, EventPublisher catalog, ImportConfig config) {
        this.plays = plays;
        this.catalog = catalog;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void onStart(@Observes StartupEvent start) {
        resumeInterrupted();
    }

    /**
     * Jobs a crash or restart interrupted run again from their spooled upload; content-derived event ids make the
     * plays already sent harmless duplicates. Without the upload, such a job fails with a clear reason.
     */
    public int resumeInterrupted() {
        List<ImportJob> interrupted = QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>list(
                        "status in ?1", List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)));
        int resumed = 0;
        for (ImportJob job : interrupted) {
            Path spooled = spoolFile(job.id);
            if (Files.isRegularFile(spooled)) {
                LOG.infof("Resuming interrupted import %s of %s", job.id, job.fileName);
                save(job.id, j -> j.status = ImportJob.Status.QUEUED);
                worker.execute(() -> run(job.id, job.userId, job.fileName, spooled));
                resumed++;
            } else {
                save(job.id, j -> {
                    j.status = ImportJob.Status.FAILED;
                    j.error = "Interrupted by a restart, and the upload is gone: upload the file again";
                    j.finishedAt = clock.instant();
                });
            }
        }
        return resumed;
    }

    /** Where a job's upload waits until the job ends. */
    public Path spoolFile(UUID jobId) {
        return config.spoolDir().resolve(jobId + ".upload");
    }

    /** Takes an uploaded file over (it is copied to the spool) and queues its job. */
    public ImportJobView submit(String userId, String fileName, Path upload) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.fileName = fileName;
        job.status = ImportJob.Status.QUEUED;
        job.createdAt = clock.instant();
        Path spooled = spoolFile(job.id);
        try {
            Files.createDirectories(config.spoolDir());
            Files.copy(upload, spooled);
            job.fileBytes = Files.size(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spool the upload", e);
        }
        QuarkusTransaction.requiringNew().run(job::persist);
        worker.execute(() -> run(job.id, userId, fileName, spooled));
        return ImportJobView.of(job);
    }

    public Optional<ImportJobView> find(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>findByIdOptional(id).map(ImportJobView::of));
    }

    void run(UUID id, String userId, String fileName, Path file) {
        Progress progress = new Progress(id, userId);
        try {
            save(id, job -> {
                job.status = ImportJob.Status.RUNNING;
                job.startedAt = clock.instant();
            });
            Content content = sniff(file);
            long total = count(file, fileName, content);
            save(id, job -> job.totalRows = total);
            Set<String> formats = new LinkedHashSet<>();
            List<String> ignored = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                switch (content) {
                    case ZIP -> {
                        for (ExportArchive.FileResult result : archive().read(in, progress::row)) {
                            result.format().ifPresentOrElse(format -> formats.add(format.name()), () -> {
                                if (result.error().isEmpty()) {
                                    ignored.add(result.name());
                                }
                            });
                            result.error().ifPresent(error -> progress.fileError(result.name(), error));
                        }
                    }
                    case JSON ->
                        new ExportReader()
                                .read(in, fileName, row -> progress.row(fileName, row))
                                .ifPresent(format -> formats.add(format.name()));
                    case CSV -> {
                        try {
                            new CatalogReader().read(reader(in), row -> progress.catalogRow(fileName, row));
                            formats.add(CATALOG_CSV);
                        } catch (CatalogReader.NotACatalogException e) {
                            progress.fileError(fileName, e.getMessage());
                        }
                    }
                }
            }
            progress.flush();
            String error = formats.isEmpty()
                    ? fileName + " holds no listening history (Spotify basic, extended or endsong files, or a "
                            + "ListenBrainz export) and no catalog CSV"
                            + (progress.firstFileError == null ? "" : ": " + progress.firstFileError)
                    : progress.firstFileError;
            finish(id, progress, formats, ignored, error);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Import %s of %s failed: %s", id, fileName, e.getMessage());
            try {
                progress.flush();
            } catch (RuntimeException flushFailure) {
                e.addSuppressed(flushFailure);
            }
            finish(id, progress, Set.of(), List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Cannot delete spooled upload %s: %s", file, e.getMessage());
            }
        }
    }

    private void finish(UUID id, Progress progress, Set<String> formats, List<String> ignored, String error) {
        save(id, job -> {
            progress.copyTo(job);
            job.formats = List.copyOf(formats);
            job.ignoredFiles = List.copyOf(ignored);
            job.error = error;
            // A failed file inside an archive does not fail the job: its rows before the break were imported.
            job.status = formats.isEmpty() ? ImportJob.Status.FAILED : ImportJob.Status.SUCCEEDED;
            job.finishedAt = clock.instant();
        });
    }

    private ExportArchive archive() {
        return new ExportArchive(
                new ExportReader(), new ExportArchive.Limits(config.maxZipEntries(), config.maxUncompressedBytes()));
    }

    /** A first, cheap pass that only counts rows, so progress can be shown as rows done of total. */
    private long count(Path file, String fileName, Content content) throws IOException {
        long[] rows = {0};
        try (InputStream in = Files.newInputStream(file)) {
            switch (content) {
                case ZIP -> archive().read(in, (name, row) -> rows[0]++);
                case JSON -> new ExportReader().read(in, fileName, row -> rows[0]++);
                case CSV -> new CatalogReader().read(reader(in), row -> rows[0]++);
            }
        } catch (UnreadableExportException | CatalogReader.NotACatalogException e) {
            // The import pass meets the same problem and reports it; the count so far is what it will reach.
        }
        return rows[0];
    }

    /** What an upload holds, from its first bytes: a zip, JSON (exports) or anything else (tried as catalog CSV). */
    private enum Content {
        ZIP,
        JSON,
        CSV
    }

    private static Content sniff(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(4096);
            if (head.length >= 4 && java.util.Arrays.equals(java.util.Arrays.copyOf(head, 4), ZIP_MAGIC)) {
                return Content.ZIP;
            }
            for (byte b : head) {
                if (b == '[' || b == '{') {
                    return Content.JSON;
                }
                boolean skippable =
                        Character.isWhitespace(b) || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF;
                if (!skippable) {
                    return Content.CSV;
                }
            }
            return Content.JSON;
        }
    }

    private static java.io.Reader reader(InputStream in) {
        return new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void save(UUID id, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(id)));
    }

    /** Counts of one running job, saved every batch. */
    private final class Progress {
        private final UUID id;
        private final String userId;
        private final ImportJob counts = new ImportJob();
        private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
        private String firstFileError;

        Progress(UUID id, String userId) {
            this.id = id;
            this.userId = userId;
        }

        void row(String file, ExportRow row) {
            counts.rowsRead++;
            if (row instanceof ExportRow.Play play) {
                PlayRecorded event = plays.fromExport(userId, play.play(), source(play.format()));
                inFlight.add(plays.publish(event).toCompletableFuture());
            } else if (row instanceof ExportRow.Skipped skipped) {
                counts.skipped.merge(skipped.kind().name(), 1L, Long::sum);
            } else if (row instanceof ExportRow.Rejected rejected) {
                reject(file, rejected.row(), rejected.reason());
            }
            afterRow();
        }

        void catalogRow(String file, CatalogRow row) {
            counts.rowsRead++;
            if (row instanceof CatalogRow.Entry entry) {
                inFlight.add(catalog.publish(catalogEntry(entry)).toCompletableFuture());
                if (!entry.unreadableCells().isEmpty()) {
                    counts.skipped.merge(
                            UNREADABLE_CELLS, (long) entry.unreadableCells().size(), Long::sum);
                }
            } else if (row instanceof CatalogRow.Rejected rejected) {
                reject(file, rejected.row(), rejected.reason());
            }
            afterRow();
        }

        /** Saves progress every batch of rows, and before the unacknowledged plays pile up. */
        private void afterRow() {
            if (inFlight.size() >= config.batchSize() || counts.rowsRead % config.batchSize() == 0) {
                flush();
            }
        }

        void fileError(String file, String error) {
            if (firstFileError == null) {
                firstFileError = error;
            }
            reject(file, 0, error);
        }

        private void reject(String file, int row, String reason) {
            counts.rejected++;
            if (counts.rejections.size() < config.keptRejections()) {
                counts.rejections.add(new ImportJob.Rejection(file, row, reason));
            }
        }

        /** Waits until Kafka has every play sent so far, then saves the counts. */
        void flush() {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            counts.accepted += inFlight.size();
            inFlight.clear();
            save(id, this::copyTo);
        }

        void copyTo(ImportJob job) {
            job.rowsRead = counts.rowsRead;
            job.accepted = counts.accepted;
            job.rejected = counts.rejected;
            job.skipped = new java.util.LinkedHashMap<>(counts.skipped);
            job.rejections = new ArrayList<>(counts.rejections);
        }
    }

    private TrackCataloged catalogEntry(CatalogRow.Entry entry) {
        return new TrackCataloged(
                // The same row imported again is the same event.
                EventIds.fromContent(
                        "catalog",
                        entry.trackId(),
                        entry.name(),
                        entry.artistName(),
                        entry.albumName(),
                        String.valueOf(entry.durationMs()),
                        String.valueOf(entry.releaseYear()),
                        String.valueOf(entry.audioFeatures()),
                        String.join("|", entry.genres())),
                clock.instant(),
                TrackCataloged.SCHEMA_VERSION,
                entry.trackId(),
                entry.name(),
                entry.artistName(),
                entry.albumName(),
                entry.durationMs(),
                entry.releaseYear(),
                entry.audioFeatures(),
                entry.genres(),
                "catalog-csv");
    }

    private static String source(ExportFormat format) {
        return format == ExportFormat.LISTENBRAINZ ? "listenbrainz" : "spotify-export";
    }
}
