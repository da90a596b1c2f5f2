package io.spotifymate.ingestion;

import io.spotifymate.ingestion.repository.ImportJob;
import io.spotifymate.ingestion.service.UploadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An import job as the API shows it. {@code rowsRead} of {@code totalRows} is the progress ({@code totalRows} is
 * known once the file has been counted); {@code rowsPerSecond} is the throughput so far. {@code userId} is null for a
 * catalog or dataset import. {@code skipped} counts by kind; {@code unreadableCells} splits its
 * {@code UNREADABLE_CELLS} by the catalog column that lost them. {@code playMatches} says how a history import's
 * plays found their track ({@code PLAYS_WITH_ID}, {@code PLAYS_MATCHED_BY_NAME}, {@code PLAYS_UNMATCHED}; empty for
 * other imports), and {@code summary} says it in a sentence for the user.
 */
public record ImportJobView(
        UUID id,
        String userId,
        UploadKind kind,
        String fileName,
        long fileBytes,
        ImportJob.Status status,
        boolean finished,
        List<String> formats,
        Long totalRows,
        long rowsRead,
        long accepted,
        long rejected,
        Map<String, Long> skipped,
        Map<String, Long> unreadableCells,
        List<ImportJob.Rejection> rejections,
        List<String> ignoredFiles,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Double rowsPerSecond,
        Map<String, Long> playMatches,
        String summary) {

    public static ImportJobView of(ImportJob job) {
        Double rate = null;
        if (job.startedAt != null) {
            Instant end = job.finishedAt != null ? job.finishedAt : Instant.now();
            double seconds =
                    Math.max(0.001, Duration.between(job.startedAt, end).toMillis() / 1000.0);
            rate = Math.round(job.rowsRead / seconds * 10) / 10.0;
        }
        return new ImportJobView(
                job.id,
                job.userId,
                job.kind,
                job.fileName,
                job.fileBytes,
                job.status,
                job.status.finished(),
                List.copyOf(job.formats),
                job.totalRows,
                job.rowsRead,
                job.accepted,
                job.rejected,
                Map.copyOf(job.skipped),
                Map.copyOf(job.unreadableCells),
                List.copyOf(job.rejections),
                List.copyOf(job.ignoredFiles),
                job.error,
                job.createdAt,
                job.startedAt,
                job.finishedAt,
                rate,
                Collections.unmodifiableMap(new LinkedHashMap<>(job.playMatches)),
                playSummary(job.playMatches));
    }

    /**
     * "N of M plays have a Spotify track (X by the file's id, Y matched by name in the catalog); Z kept by name only",
     * or null when the job read no plays. A play's id from the file is a Spotify track even when the catalog does not
     * list it yet, hence "have a Spotify track" rather than "matched the catalog". Plays kept by name only still count
     * for the user, but until a catalog names their track they carry no audio features and join no other listener's
     * plays of the same recording.
     */
    static String playSummary(Map<String, Long> playMatches) {
        long withId = playMatches.getOrDefault(ImportJob.PLAYS_WITH_ID, 0L);
        long byName = playMatches.getOrDefault(ImportJob.PLAYS_MATCHED_BY_NAME, 0L);
        long unmatched = playMatches.getOrDefault(ImportJob.PLAYS_UNMATCHED, 0L);
        long plays = withId + byName + unmatched;
        if (plays == 0) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%,d of %,d %s a Spotify track (%,d by the file's id, %,d matched by name in the catalog); %,d kept by "
                        + "name only",
                withId + byName,
                plays,
                plays == 1 ? "play has" : "plays have",
                withId,
                byName,
                unmatched);
    }
}
