package io.spotifymate.ingestion.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.spotifymate.events.PlayRecorded;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.Workers;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.catalog.CatalogRow;
import io.spotifymate.ingestion.config.ImportConfig;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.exports.ExportFormat;
import io.spotifymate.ingestion.exports.ExportReader;
import io.spotifymate.ingestion.exports.ExportRow;
import io.spotifymate.ingestion.exports.InflateBudget;
import io.spotifymate.ingestion.exports.UnreadableExportException;
import io.spotifymate.ingestion.lastfm.HetRecReader;
import io.spotifymate.ingestion.lastfm.HetRecRow;
import io.spotifymate.ingestion.messaging.EventPublisher;
import io.spotifymate.ingestion.playlists.MpdReader;
import io.spotifymate.ingestion.playlists.MpdRow;
import io.spotifymate.ingestion.repository.ImportJob;
import io.spotifymate.ingestion.spotify.HistoryCoverage;
import io.spotifymate.ingestion.spotify.SpotifySync;
import io.spotifymate.ingestion.text.TextDecoding;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * Import jobs: an uploaded file or archive is spooled, then read on a worker thread, and what it holds is published:
 * a user's music plays as PlayRecorded events, catalog rows as TrackCataloged, Million Playlist Dataset slices as
 * PlaylistImported (plus catalog entries for their tracks), the Last.fm HetRec dataset as ArtistCataloged and
 * ArtistPlaysCounted. Progress (rows read of the counted total) is saved as the job goes, so the API and its progress
 * stream can show it. Event ids come from the content: importing the same file again sends the same events, which
 * consumers count once; an interrupted job can simply be run again.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The format name a job reports for a catalog file. */
    static final String CATALOG_CSV = "CATALOG_CSV";
    /** The format name a job reports for Million Playlist Dataset slices. */
    static final String MPD_SLICE = "MPD_SLICE";
    /**
     * Counted in a job's skipped map: catalog cells that held no valid value and count as missing. The job's
     * unreadableCells has them by column.
     */
    static final String UNREADABLE_CELLS = "UNREADABLE_CELLS";
    /** Counted in a job's skipped map: playlist tracks without a usable uri, name or artist. */
    static final String DROPPED_PLAYLIST_TRACKS = "DROPPED_PLAYLIST_TRACKS";

    private final PlayService plays;
    private final EventPublisher publisher;
    private final CatalogIndex catalog;
    private final SpotifySync spotify;
    private final ImportConfig config;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();
    private final ImportEvents events = new ImportEvents(clock);
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
        this.plays = plays;
        this.publisher = publisher;
        this.catalog = catalog;
        this.spotify = spotify;
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
        JobProgress progress = new JobProgress(
                config.batchSize(),
                config.progressInterval(),
                config.keptRejections(),
                counts -> save(id, counts::copyTo));
        boolean retrying = false;
        try {
            save(id, job -> {
                job.status = ImportJob.Status.RUNNING;
                job.startedAt = job.startedAt == null ? clock.instant() : job.startedAt;
            });
            long started = System.nanoTime();
            // The counting pass runs beside the import on a thread of its own; the total shows with the next save.
            CompletableFuture<Long> counting = CompletableFuture.supplyAsync(
                    () -> {
                        Long total = countQuietly(file, fileName, kind);
                        if (total != null) {
                            progress.total(total);
                        }
                        return total;
                    },
                    counter);
            Outcome outcome = new Outcome();
            switch (kind) {
                case LISTENING_HISTORY -> importHistory(userId, fileName, file, progress, outcome);
                case CATALOG_CSV -> importCatalog(fileName, file, progress, outcome);
                case MPD_SLICES -> importPlaylists(fileName, file, progress, outcome);
                case LASTFM_HETREC -> importHetRec(file, progress, outcome);
            }
            Long counted = counting.join();
            // The rows read are the total when counting failed (the import pass reported why).
            long total = counted != null ? counted : progress.rowsRead();
            progress.total(total);
            progress.flush();
            String error = outcome.formats.isEmpty()
                    ? fileName + " holds nothing SpotifyMate could import"
                            + (progress.firstFileError() == null ? "" : ": " + progress.firstFileError())
                    : progress.firstFileError();
            if (userId != null && outcome.latestPlay != null) {
                // Recently played tracks up to here are in this export: the Spotify sync leaves them out.
                Instant until = outcome.latestPlay;
                QuarkusTransaction.requiringNew().run(() -> HistoryCoverage.extend(userId, until));
            }
            finish(id, progress, outcome, error);
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
                        new Outcome(),
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
            finish(id, progress, new Outcome(), e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (!retrying) {
                deleteSpool(file);
            }
        }
    }

    /** Formats read and files ignored, for the job's record; how far the history reaches. */
    private static final class Outcome {
        final Set<String> formats = new LinkedHashSet<>();
        final List<String> ignored = new ArrayList<>();
        Instant latestPlay;

        void add(ExportArchive.FileResult result, JobProgress progress) {
            result.format().ifPresentOrElse(formats::add, () -> {
                if (result.error().isEmpty()) {
                    ignored.add(result.name());
                }
            });
            result.error().ifPresent(error -> progress.fileError(result.name(), error));
        }
    }

    private void importHistory(String userId, String fileName, Path file, JobProgress progress, Outcome outcome)
            throws IOException {
        BiConsumer<String, ExportRow> rows = (name, row) -> historyRow(userId, name, row, progress, outcome);
        try (InputStream in = Files.newInputStream(file)) {
            if (isZip(file)) {
                archive().read(in, rows).forEach(result -> outcome.add(result, progress));
            } else {
                new ExportReader()
                        .read(in, fileName, row -> rows.accept(fileName, row))
                        .ifPresent(format -> outcome.formats.add(format.name()));
            }
        }
    }

    private void historyRow(String userId, String file, ExportRow row, JobProgress progress, Outcome outcome) {
        progress.read();
        if (row instanceof ExportRow.Play play) {
            PlayRecorded event = plays.fromExport(userId, play.play(), source(play.format()));
            // Counted first, so the save a full batch makes holds this play too.
            progress.play(play.play().trackId() != null, event.trackId());
            progress.accepted(publisher.send(event));
            if (outcome.latestPlay == null || event.playedAt().isAfter(outcome.latestPlay)) {
                outcome.latestPlay = event.playedAt();
            }
            spotify.noteUnknownTrack(userId, event.trackId());
        } else if (row instanceof ExportRow.Skipped skipped) {
            progress.skipped(skipped.kind().name(), 1);
        } else if (row instanceof ExportRow.Rejected rejected) {
            progress.rejected(file, rejected.row(), rejected.reason());
        }
    }

    private void importCatalog(String fileName, Path file, JobProgress progress, Outcome outcome) throws IOException {
        try (Reader in = text(file)) {
            new CatalogReader().read(in, row -> {
                progress.read();
                if (row instanceof CatalogRow.Entry entry) {
                    TrackCataloged event = events.catalogEntry(entry);
                    // Counted first, so the save a full batch makes holds this row's lost cells too.
                    progress.unreadableCells(UNREADABLE_CELLS, entry.unreadableCells());
                    progress.accepted(publisher.send(event));
                    catalog.learn(event);
                } else if (row instanceof CatalogRow.Rejected rejected) {
                    progress.rejected(fileName, rejected.row(), rejected.reason());
                }
            });
            outcome.formats.add(CATALOG_CSV);
        } catch (CatalogReader.NotACatalogException e) {
            progress.fileError(fileName, e.getMessage());
        }
    }

    /**
     * Playlists become PlaylistImported events, and each track the catalog does not know yet a catalog entry. Tracks
     * left out for a missing field are counted, with the first reason per playlist.
     */
    private void importPlaylists(String fileName, Path file, JobProgress progress, Outcome outcome) throws IOException {
        Set<String> cataloged = new HashSet<>();
        ExportArchive.EntryReader slices = (name, shortName, body) ->
                new MpdReader().read(body, shortName, row -> playlistRow(name, row, cataloged, progress))
                        ? Optional.of(MPD_SLICE)
                        : Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            if (isZip(file)) {
                archive().readEntries(in, slices).forEach(result -> outcome.add(result, progress));
            } else {
                slices.read(fileName, fileName, in).ifPresent(outcome.formats::add);
            }
        }
    }

    private void playlistRow(String file, MpdRow row, Set<String> cataloged, JobProgress progress) {
        progress.read();
        if (row instanceof MpdRow.Playlist read) {
            List<CompletionStage<?>> acks = new ArrayList<>();
            acks.add(publisher.send(events.playlist(read.playlist())));
            for (PlaylistImported.Entry track : read.playlist().tracks()) {
                // A slice knows only names: a track the catalog has (perhaps with audio features) is left as it is.
                if (cataloged.add(track.trackId()) && !catalog.knows(track.trackId())) {
                    TrackCataloged entry = events.catalogEntry(track);
                    acks.add(publisher.send(entry));
                    catalog.learn(entry);
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

    /** The HetRec zip, read with random access: artists first, so plays and tags can name them. */
    private void importHetRec(Path file, JobProgress progress, Outcome outcome) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<HetRecReader.FileKind, HetRecReader.DataFile> files = hetRecFiles(zip, outcome.ignored);
            new HetRecReader().read(files, row -> {
                progress.read();
                if (row instanceof HetRecRow.Artist artist) {
                    progress.accepted(publisher.send(events.artist(artist)));
                } else if (row instanceof HetRecRow.UserArtistPlays counted) {
                    progress.accepted(publisher.send(events.artistPlays(counted)));
                } else if (row instanceof HetRecRow.TagUsed) {
                    progress.used();
                } else if (row instanceof HetRecRow.Skipped skipped) {
                    progress.skipped(skipped.kind(), 1);
                } else if (row instanceof HetRecRow.Rejected rejected) {
                    progress.rejected(rejected.file(), rejected.row(), rejected.reason());
                }
            });
            outcome.formats.add(UploadKind.LASTFM_HETREC.name());
        }
    }

    private Map<HetRecReader.FileKind, HetRecReader.DataFile> hetRecFiles(ZipFile zip, List<String> ignored)
            throws IOException {
        return HetRecReader.filesIn(zip, new InflateBudget(config.maxUncompressedBytes()), ignored);
    }

    private void finish(UUID id, JobProgress progress, Outcome outcome, String error) {
        save(id, job -> {
            progress.copyTo(job);
            job.formats = List.copyOf(outcome.formats);
            job.ignoredFiles = List.copyOf(outcome.ignored);
            job.error = error;
            // A failed file inside an archive does not fail the job: its rows before the break were imported.
            job.status = outcome.formats.isEmpty() ? ImportJob.Status.FAILED : ImportJob.Status.SUCCEEDED;
            job.finishedAt = clock.instant();
        });
    }

    private ExportArchive archive() {
        return new ExportArchive(
                new ExportReader(), new ExportArchive.Limits(config.maxZipEntries(), config.maxUncompressedBytes()));
    }

    /** The count, or null when the file cannot be counted (the import pass meets the problem and reports it). */
    private Long countQuietly(Path file, String fileName, UploadKind kind) {
        try {
            return count(file, fileName, kind);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Cannot count the rows of %s: %s", fileName, e.getMessage());
            return null;
        }
    }

    /** A cheap pass that only counts rows, so progress can be shown as rows done of total. */
    private long count(Path file, String fileName, UploadKind kind) throws IOException {
        long[] rows = {0};
        boolean zip = isZip(file);
        try (InputStream in = Files.newInputStream(file)) {
            switch (kind) {
                case LISTENING_HISTORY -> {
                    if (zip) {
                        archive().readEntries(in, (name, shortName, body) -> {
                            rows[0] += new ExportReader().count(body, shortName);
                            return Optional.empty();
                        });
                    } else {
                        rows[0] = new ExportReader().count(in, fileName);
                    }
                }
                case CATALOG_CSV -> {
                    try (Reader reader = text(file)) {
                        rows[0] = new CatalogReader().count(reader);
                    }
                }
                case MPD_SLICES -> {
                    ExportArchive.EntryReader counter = (name, shortName, body) -> {
                        new MpdReader().read(body, shortName, row -> rows[0]++);
                        return Optional.empty();
                    };
                    if (zip) {
                        archive().readEntries(in, counter);
                    } else {
                        counter.read(fileName, fileName, in);
                    }
                }
                case LASTFM_HETREC -> {
                    try (ZipFile archive = new ZipFile(file.toFile())) {
                        rows[0] = HetRecReader.countRows(hetRecFiles(archive, new ArrayList<>()));
                    }
                }
            }
        } catch (UnreadableExportException | CatalogReader.NotACatalogException e) {
            // The import pass meets the same problem and reports it; the count so far is what it will reach.
        }
        return rows[0];
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    /** A catalog file as text, in the encoding its bytes show (UTF-8 unless they are not). */
    private static Reader text(Path file) throws IOException {
        Charset charset = TextDecoding.detect(() -> Files.newInputStream(file));
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 64 * 1024);
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

    private static String source(ExportFormat format) {
        return format == ExportFormat.LISTENBRAINZ ? "listenbrainz" : "spotify-export";
    }
}
