package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.TrackIds;
import io.spotifymate.ingestion.ImportJobView;
import io.spotifymate.ingestion.repository.ImportJob;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How a history import's plays found their track, from the job's counts to the sentence the user reads. */
class PlayMatchReportTest {

    private final JobProgress progress = new JobProgress(100, Duration.ZERO, 10, counts -> {});

    private void play(boolean idInFile, String trackId) {
        progress.read();
        progress.play(idInFile, trackId);
        progress.accepted(CompletableFuture.completedFuture(null));
    }

    private ImportJobView view() {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.status = ImportJob.Status.SUCCEEDED;
        job.fileName = "StreamingHistory_music_0.json";
        job.createdAt = Instant.parse("2026-01-01T00:00:00Z");
        progress.flush();
        progress.copyTo(job);
        return ImportJobView.of(job);
    }

    @Test
    void playsAreCountedByHowTheyFoundTheirTrackAndTheJobSaysItInASentence() {
        play(true, "spotify:track:4uLU6hMCjMI75M1A2tKUQC");
        play(false, "spotify:track:3n3Ppam7vgaVa1iaRUc9Lp");
        play(false, "spotify:track:7lQ8MOhq6IN2w8EYcFNSUk");
        play(false, TrackIds.local("Nobody Knows", "This Song"));

        ImportJobView job = view();

        assertThat(job.playMatches())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry(ImportJob.PLAYS_WITH_ID, 1L),
                        org.assertj.core.api.Assertions.entry(ImportJob.PLAYS_MATCHED_BY_NAME, 2L),
                        org.assertj.core.api.Assertions.entry(ImportJob.PLAYS_UNMATCHED, 1L));
        assertThat(job.summary())
                .isEqualTo("3 of 4 plays have a Spotify track (1 by the file's id, 2 matched by name in the "
                        + "catalog); 1 kept by name only");
    }

    @Test
    void aJobWithoutPlaysHasNoPlayCountsAndNoSentence() {
        progress.read();
        progress.skipped("PODCAST", 1);

        ImportJobView job = view();

        assertThat(job.playMatches()).isEmpty();
        assertThat(job.summary()).isNull();
    }

    @Test
    void largeCountsAreGroupedAndASinglePlayIsSingular() {
        ImportJob job = new ImportJob();
        job.playMatches.put(ImportJob.PLAYS_MATCHED_BY_NAME, 1_234_567L);
        job.playMatches.put(ImportJob.PLAYS_UNMATCHED, 3L);
        job.status = ImportJob.Status.RUNNING;

        assertThat(ImportJobView.of(job).summary())
                .isEqualTo(
                        "1,234,567 of 1,234,570 plays have a Spotify track (0 by the file's id, 1,234,567 matched by "
                                + "name in the catalog); 3 kept by name only");

        play(false, TrackIds.local("Solo", "Once"));
        assertThat(view().summary())
                .isEqualTo("0 of 1 play has a Spotify track (0 by the file's id, 0 matched by name in the catalog); 1 "
                        + "kept by name only");
    }
}
