package io.spotifymate.ingestion;

import io.spotifymate.ingestion.repository.ImportJob;
import io.spotifymate.ingestion.service.UploadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An import job as the API shows it. {@code rowsRead} of {@code totalRows} is the progress ({@code totalRows} is
 * known once the file has been counted); {@code rowsPerSecond} is the throughput so far. {@code userId} is null for a
 * catalog or dataset import.
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
        List<ImportJob.Rejection> rejections,
        List<String> ignoredFiles,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Double rowsPerSecond) {

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
                List.copyOf(job.rejections),
                List.copyOf(job.ignoredFiles),
                job.error,
                job.createdAt,
                job.startedAt,
                job.finishedAt,
                rate);
    }
}
