package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.spotifymate.ingestion.repository.ImportJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private final List<Long> savedAccepted = new ArrayList<>();
    private final List<ImportJob> saved = new ArrayList<>();
    private final JobProgress progress = new JobProgress(2, Duration.ZERO, 10, counts -> {
        ImportJob job = new ImportJob();
        counts.copyTo(job);
        savedAccepted.add(job.accepted);
        saved.add(job);
    });

    @Test
    void aRowCountsAsAcceptedOnlyOnceKafkaAcknowledgedItsEvents() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        progress.read();
        progress.accepted(first);
        progress.read();
        progress.accepted(second);
        // The first batch is full; it waits for nothing yet (no batch before it) and saves no acceptance.
        assertThat(savedAccepted).containsExactly(0L);

        first.complete(null);
        second.complete(null);
        progress.flush();

        assertThat(savedAccepted).last().isEqualTo(2L);
    }

    @Test
    void aBatchKafkaDidNotAcknowledgeFailsTheFlushAndIsNeverCountedAccepted() {
        progress.read();
        progress.accepted(CompletableFuture.completedFuture(null));
        progress.read();
        progress.accepted(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        progress.read();
        progress.rejected("f.json", 3, "ts is missing");

        assertThatThrownBy(progress::flush)
                .isInstanceOf(JobProgress.NotAcknowledgedException.class)
                .hasMessageContaining("broker down");
        assertThat(savedAccepted).doesNotContain(2L);
        ImportJob job = new ImportJob();
        progress.copyTo(job);
        assertThat(job.rowsRead).isEqualTo(3);
        assertThat(job.accepted).isZero();
        assertThat(job.rejections).extracting(ImportJob.Rejection::reason).containsExactly("ts is missing");
    }

    @Test
    void unreadableCellsAreCountedInTotalAndPerColumnAndSavedWithTheirBatch() {
        CompletableFuture<Void> acknowledged = CompletableFuture.completedFuture(null);
        progress.read();
        progress.unreadableCells(CatalogImporter.UNREADABLE_CELLS, List.of("tempo", "time_signature"));
        progress.accepted(acknowledged);
        progress.read();
        progress.unreadableCells(CatalogImporter.UNREADABLE_CELLS, List.of("tempo"));
        progress.accepted(acknowledged);
        // The batch is full and saved: its cells are in the save, not left for the next one.
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).unreadableCells).containsOnly(entry("tempo", 2L), entry("time_signature", 1L));
        progress.read();
        progress.unreadableCells(CatalogImporter.UNREADABLE_CELLS, List.of());
        progress.accepted(acknowledged);

        progress.flush();

        ImportJob job = saved.get(saved.size() - 1);
        assertThat(job.skipped).containsOnly(entry(CatalogImporter.UNREADABLE_CELLS, 3L));
        assertThat(job.unreadableCells).containsOnly(entry("tempo", 2L), entry("time_signature", 1L));
        assertThat(job.accepted).isEqualTo(3);
    }
}
