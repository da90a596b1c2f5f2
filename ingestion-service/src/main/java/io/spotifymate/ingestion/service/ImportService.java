package io.spotifymate.ingestion.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.Workers;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.config.ImportConfig;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.messaging.EventPublisher;
import io.spotifymate.ingestion.repository.ImportJob;
import io.spotifymate.ingestion.spotify.HistoryCoverage;
import io.spotifymate.ingestion.spotify.SpotifySync;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Import jobs: an uploaded file or archive is spooled, then read on a worker thread by the {@link Importer} of its
 * kind, and what it holds is published: a user's music plays as PlayRecorded events, catalog rows as TrackCataloged,
 * Million Playlist Dataset slices as PlaylistImported (plus catalog entries for their tracks), the Last.fm HetRec
 * dataset as ArtistCataloged and ArtistPlaysCounted. Progress (rows read of the counted total) is saved as the job
 * goes, so the API and its progress stream can show it. Event ids come from the content: importing the same file
 * again sends the same events, which consumers count once; an interrupted job can simply be run again.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final ImportConfig config;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();
    private final ImportRun.Services services;
    // One job at a time: imports are I/O-bound and this keeps a user's plays in file order. Scheduled, so a job that
    // waits for Kafka can try again later.
    private final ScheduledExecutorService worker = Workers.single("import-jobs");
    // The counting pass of the running job, beside it.
    private final ScheduledExecutorService counter = Workers.single("import-count");

    public ImportService(
            PlayService plays,
            EventPublisher publisher,
            CatalogIndex catalog,
            SpotifySync spotify,
            ImportConfig config,
            OpenTelemetry openTelemetry) {
        this.services = new ImportRun.Services(publisher::send, new ImportEvents(clock), catalog, plays, spotify);
        this.config = config;
        this.tracer = openTelemetry.getTracer(ImportService.class.getName());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        counter.shutdownNow();
    }

    void onStart(@Observes StartupEvent start) {
        resumeInterrupted();
    }

    /**
     * Jobs a crash or restart interrupted run again from their spooled upload; content-derived event ids make the
     * events already sent harmless duplicates. Without the upload, such a job fails with a clear reason.
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
                worker.execute(() -> run(Context.root(), job.id, job.userId, job.fileName, spooled, job.kind, 0));
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

    /**
     * Takes an uploaded file over (it is copied to the spool) and queues its job.
     *
     * @param userId the user whose history it is, or null for a catalog or dataset
     * @param kind what {@link UploadInspector} found the upload to be
     */
    public ImportJobView submit(String userId, String fileName, Path upload, UploadKind kind) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.fileName = fileName;
        job.kind = kind;
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
        // The job goes on in the trace of the upload that queued it.
        Context request = Context.current();
        worker.execute(() -> run(request, job.id, userId, fileName, spooled, kind, 0));
        return ImportJobView.of(job);
    }

    public Optional<ImportJobView> find(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>findByIdOptional(id).map(ImportJobView::of));
    }

    /** The user's own import jobs, newest first. */
    public List<ImportJobView> ofUser(String userId, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ImportJob.<ImportJob>find("userId = ?1 order by createdAt desc", userId)
                                .page(0, limit)
                                .list()
                                .stream()
                                .map(ImportJobView::of)
                                .toList());
    }

    /**
     * One attempt of a job, in a span of its own (a child of the upload's): the events it sends carry that span's
     * context, so their consumers' work joins the upload's trace.
     */
    void run(Context parent, UUID id, String userId, String fileName, Path file, UploadKind kind, int attempt) {
        Span span = tracer.spanBuilder("import " + kind)
                .setParent(parent)
                .setAttribute("spotifymate.import.id", id.toString())
                .setAttribute("spotifymate.import.attempt", (long) attempt + 1)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            runAttempt(parent, id, userId, fileName, file, kind, attempt);
        } finally {
            span.end();
        }
    }

    private void runAttempt(
            Context parent, UUID id, String userId, String fileName, Path file, UploadKind kind, int attempt) {
        Importer importer = Importers.of(kind);
        JobProgress progress = new JobProgress(
                config.batchSize(),
                config.progressInterval(),
                config.keptRejections(),
                counts -> save(id, counts::copyTo));
        ImportRun run = new ImportRun(userId, progress, services);
        boolean retrying = false;
        try {
            save(id, job -> {
                job.status = ImportJob.Status.RUNNING;
                job.startedAt = job.startedAt == null ? clock.instant() : job.startedAt;
            });
            long started = System.nanoTime();
            Importer.Upload upload = new Importer.Upload(
                    fileName,
                    file,
                    isZip(file),
                    new ExportArchive.Limits(config.maxZipEntries(), config.maxUncompressedBytes()));
            // The counting pass runs beside the import on a thread of its own; the total shows with the next save.
            CompletableFuture<Long> counting = CompletableFuture.supplyAsync(
                    () -> {
                        Long total = countQuietly(importer, upload);
                        if (total != null) {
                            progress.total(total);
                        }
                        return total;
                    },
                    counter);
            importer.read(upload, run);
            Long counted = counting.join();
            // The rows read are the total when counting failed (the import pass reported why).
            long total = counted != null ? counted : progress.rowsRead();
            progress.total(total);
            progress.flush();
            String error = run.formats().isEmpty()
                    ? fileName + " holds nothing SpotifyMate could import"
                            + (progress.firstFileError() == null ? "" : ": " + progress.firstFileError())
                    : progress.firstFileError();
            if (userId != null && run.latestPlay() != null) {
                // Recently played tracks up to here are in this export: the Spotify sync leaves them out.
                Instant until = run.latestPlay();
                QuarkusTransaction.requiringNew().run(() -> HistoryCoverage.extend(userId, until));
            }
            finish(id, progress, run.formats(), run.ignored(), error);
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.infof("Import %s of %s: %d rows in %.1f s, %.0f rows/s", id, fileName, total, seconds, total / seconds);
        } catch (JobProgress.NotAcknowledgedException e) {
            retrying = attempt < config.kafkaRetries();
            long delay = config.kafkaRetryDelay().toMillis() << Math.min(attempt, 10);
            LOG.warnf("Import %s: %s (attempt %d)", id, e.getMessage(), attempt + 1);
            if (retrying) {
                // The events sent so far have content-derived ids: sending them again on the next attempt is harmless.
                save(id, job -> {
                    job.status = ImportJob.Status.QUEUED;
                    job.error = e.getMessage() + "; trying again in " + delay / 1000 + " s (attempt " + (attempt + 2)
                            + " of " + (config.kafkaRetries() + 1) + ")";
                });
                worker.schedule(
                        () -> run(parent, id, userId, fileName, file, kind, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } else {
                finish(
                        id,
                        progress,
                        Set.of(),
                        List.of(),
                        e.getMessage() + "; gave up after " + (attempt + 1)
                                + " attempts: import the file again once Kafka is back (nothing is counted twice)");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Import %s of %s failed: %s", id, fileName, e.getMessage());
            try {
                progress.flush();
            } catch (RuntimeException flushFailure) {
                e.addSuppressed(flushFailure);
            }
            finish(id, progress, Set.of(), List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (!retrying) {
                deleteSpool(file);
            }
        }
    }

    private void finish(UUID id, JobProgress progress, Set<String> formats, List<String> ignored, String error) {
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

    /** The count, or null when the file cannot be counted (the import pass meets the problem and reports it). */
    private static Long countQuietly(Importer importer, Importer.Upload upload) {
        try {
            return importer.count(upload);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Cannot count the rows of %s: %s", upload.fileName(), e.getMessage());
            return null;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    private static void deleteSpool(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete spooled upload %s: %s", file, e.getMessage());
        }
    }

    private static void save(UUID id, Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(id)));
    }
}
