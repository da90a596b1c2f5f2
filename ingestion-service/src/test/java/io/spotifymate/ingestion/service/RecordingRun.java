package io.spotifymate.ingestion.service;

import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.repository.ImportJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An import run for unit tests of the importers: Kafka acknowledges every event at once, and the events are kept in
 * the order sent. The catalog index is a fresh one.
 */
final class RecordingRun {

    static final ExportArchive.Limits LIMITS = new ExportArchive.Limits(100, 16 << 20);

    final List<SpotifyMateEvent> sent = new ArrayList<>();
    final CatalogIndex catalog = new CatalogIndex();
    final ImportEvents events = new ImportEvents(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
    final JobProgress progress = new JobProgress(1000, Duration.ofHours(1), 50, counts -> {});
    final ImportRun run =
            new ImportRun(null, progress, new ImportRun.Services(this::send, events, catalog, null, null));

    static Importer.Upload upload(Path file, boolean zip) {
        return new Importer.Upload(file.getFileName().toString(), file, zip, LIMITS);
    }

    private CompletableFuture<Void> send(SpotifyMateEvent event) {
        sent.add(event);
        return CompletableFuture.completedFuture(null);
    }

    <E extends SpotifyMateEvent> List<E> sent(Class<E> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The job's counts as they are saved once every event is acknowledged. */
    ImportJob job() {
        progress.flush();
        ImportJob job = new ImportJob();
        progress.copyTo(job);
        return job;
    }
}
