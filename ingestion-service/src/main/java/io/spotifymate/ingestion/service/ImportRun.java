package io.spotifymate.ingestion.service;

import io.spotifymate.events.SpotifyMateEvent;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.exports.ExportArchive;
import io.spotifymate.ingestion.spotify.SpotifySync;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One attempt of an import job as its {@link Importer} sees it: whose upload it is, what its rows' events are made
 * with and sent through, the job's counts, and what the job records besides (formats read, files ignored and, for a
 * history, its latest play).
 */
final class ImportRun {

    /** Hands an event to Kafka; the stage completes once the broker acknowledged it, and fails when it did not. */
    @FunctionalInterface
    interface Sender {
        CompletionStage<?> send(SpotifyMateEvent event);
    }

    /** What every import's events are made with and sent through: the same for every job. */
    record Services(Sender sender, ImportEvents events, CatalogIndex catalog, PlayService plays, SpotifySync spotify) {}

    private final String userId;
    private final JobProgress progress;
    private final Services services;
    private final Set<String> formats = new LinkedHashSet<>();
    private final List<String> ignored = new ArrayList<>();
    private Instant latestPlay;

    /** @param userId the user whose history it is, or null for a catalog or dataset */
    ImportRun(String userId, JobProgress progress, Services services) {
        this.userId = userId;
        this.progress = progress;
        this.services = services;
    }

    String userId() {
        return userId;
    }

    JobProgress progress() {
        return progress;
    }

    CompletionStage<?> send(SpotifyMateEvent event) {
        return services.sender().send(event);
    }

    ImportEvents events() {
        return services.events();
    }

    CatalogIndex catalog() {
        return services.catalog();
    }

    PlayService plays() {
        return services.plays();
    }

    SpotifySync spotify() {
        return services.spotify();
    }

    /** A file (or the upload) was read as this format. */
    void format(String name) {
        formats.add(name);
    }

    /** A file of an archive was read as a format, failed with an error, or (neither) was ignored. */
    void fileResult(ExportArchive.FileResult result) {
        result.format().ifPresentOrElse(formats::add, () -> {
            if (result.error().isEmpty()) {
                ignored.add(result.name());
            }
        });
        result.error().ifPresent(error -> progress.fileError(result.name(), error));
    }

    /** The files of the upload that are no part of its format, in the order met; an importer adds to it. */
    List<String> ignored() {
        return ignored;
    }

    /** A play of the history was sent: the latest so far is remembered. */
    void played(Instant at) {
        if (latestPlay == null || at.isAfter(latestPlay)) {
            latestPlay = at;
        }
    }

    Set<String> formats() {
        return formats;
    }

    /** The latest play the history holds, or null. */
    Instant latestPlay() {
        return latestPlay;
    }
}
