package io.spotifymate.ingestion.service;

import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.repository.ImportJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The counts of one running import job. Rows are counted as read when the reader reports them, and as accepted only
 * once Kafka has acknowledged what they became; the counts are saved after each batch's acknowledgements, so what the
 * job shows as accepted is durable.
 *
 * <p>Two batches are in flight at once: when the current batch is full, the job waits for the previous one (sent a
 * batch ago, so usually acknowledged already) while the producer goes on sending the current one. Kafka is never left
 * idle waiting for the reader, nor the reader for a round trip.
 */
final class JobProgress {

    /** Kafka did not acknowledge the events of a batch (down, or unreachable for longer than the producer waits). */
    static final class NotAcknowledgedException extends RuntimeException {
        NotAcknowledgedException(Throwable cause) {
            super("Kafka did not acknowledge the import's events: " + cause.getMessage(), cause);
        }
    }

    /** Events sent for a run of rows, and how many of those rows they accept. */
    private static final class Batch {
        final List<CompletableFuture<?>> acks = new ArrayList<>();
        long rows;

        void await() {
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw new NotAcknowledgedException(e.getCause() == null ? e : e.getCause());
            }
        }
    }

    private final int batchSize;
    private final int keptRejections;
    private final Consumer<JobProgress> save;
    private final ImportJob counts = new ImportJob();
    private Batch previous = new Batch();
    private Batch current = new Batch();
    private final long saveEveryNanos;
    /** When the counts were last saved, in {@link System#nanoTime()}. */
    private long savedAt = System.nanoTime();

    private String firstFileError;
    // How plays found their track: plain counters, as this runs for every play of an import.
    private long playsWithId;
    private long playsMatchedByName;
    private long playsUnmatched;
    /** The rows the counting pass found, once it is done; it runs beside the import. */
    private volatile Long total;

    JobProgress(int batchSize, Duration saveEvery, int keptRejections, Consumer<JobProgress> save) {
        this.batchSize = batchSize;
        this.saveEveryNanos = saveEvery.toNanos();
        this.keptRejections = keptRejections;
        this.save = save;
    }

    /** The counting pass is done: the total goes out with the next save. */
    void total(long rows) {
        total = rows;
    }

    long rowsRead() {
        return counts.rowsRead;
    }

    /** A row was read; what became of it follows with one of the calls below. */
    void read() {
        counts.rowsRead++;
    }

    /** The row became events; it counts as accepted once each of them is acknowledged. */
    void accepted(CompletionStage<?>... acknowledgements) {
        for (CompletionStage<?> ack : acknowledgements) {
            current.acks.add(ack.toCompletableFuture());
        }
        current.rows++;
        afterRow();
    }

    /** The row was taken in without an event of its own (a tag assignment merged into its artist's entry). */
    void used() {
        current.rows++;
        afterRow();
    }

    void skipped(String kind, long rows) {
        counts.skipped.merge(kind, rows, Long::sum);
        afterRow();
    }

    /**
     * Cells of a row that held no valid value, by column header: {@code kind} in the skipped map counts them all, and
     * each column its own, so a user sees which column lost how many cells.
     */
    void unreadableCells(String kind, List<String> columns) {
        if (columns.isEmpty()) {
            return;
        }
        counts.skipped.merge(kind, (long) columns.size(), Long::sum);
        for (String column : columns) {
            counts.unreadableCells.merge(column, 1L, Long::sum);
        }
    }

    void rejected(String file, int row, String reason) {
        counts.rejected++;
        if (counts.rejections.size() < keptRejections) {
            counts.rejections.add(new ImportJob.Rejection(file, row, reason));
        }
        afterRow();
    }

    /**
     * A play became an event: counted by how it found its track id, from its file, from the catalog by its names
     * (a Spotify id), or minted locally from its names.
     */
    void play(boolean idInFile, String trackId) {
        if (idInFile) {
            playsWithId++;
        } else if (TrackIds.isSpotify(trackId)) {
            playsMatchedByName++;
        } else {
            playsUnmatched++;
        }
    }

    /** A whole file could not be read (to its end); the first such error is the job's error. */
    void fileError(String file, String error) {
        if (firstFileError == null) {
            firstFileError = error;
        }
        rejected(file, 0, error);
    }

    String firstFileError() {
        return firstFileError;
    }

    private void afterRow() {
        if (current.acks.size() >= batchSize || current.rows >= batchSize) {
            previous.await();
            counts.accepted += previous.rows;
            previous = current;
            current = new Batch();
            long now = System.nanoTime();
            if (now - savedAt >= saveEveryNanos) {
                saveCounts();
            }
        }
    }

    /**
     * Waits until Kafka has every event sent so far, then saves the counts.
     *
     * @throws NotAcknowledgedException when an event was not acknowledged; the counts saved before stay true
     */
    void flush() {
        previous.await();
        counts.accepted += previous.rows;
        previous = new Batch();
        current.await();
        counts.accepted += current.rows;
        current = new Batch();
        saveCounts();
    }

    private void saveCounts() {
        savedAt = System.nanoTime();
        save.accept(this);
    }

    void copyTo(ImportJob job) {
        if (total != null) {
            job.totalRows = total;
        }
        job.rowsRead = counts.rowsRead;
        job.accepted = counts.accepted;
        job.rejected = counts.rejected;
        job.skipped = new LinkedHashMap<>(counts.skipped);
        job.unreadableCells = new LinkedHashMap<>(counts.unreadableCells);
        job.rejections = new ArrayList<>(counts.rejections);
        if (playsWithId + playsMatchedByName + playsUnmatched > 0) {
            Map<String, Long> plays = new LinkedHashMap<>();
            plays.put(ImportJob.PLAYS_WITH_ID, playsWithId);
            plays.put(ImportJob.PLAYS_MATCHED_BY_NAME, playsMatchedByName);
            plays.put(ImportJob.PLAYS_UNMATCHED, playsUnmatched);
            job.playMatches = plays;
        }
    }
}
