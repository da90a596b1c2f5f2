package io.spotifymate.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of import jobs. */
@ConfigMapping(prefix = "spotifymate.import")
public interface ImportConfig {

    /** Bytes an upload may have; keep quarkus.http.limits.max-body-size a little above it. */
    @WithDefault("536870912")
    long maxUploadBytes();

    /** Entries a zip may have, folders included; more is not a Spotify export. */
    @WithDefault("10000")
    int maxZipEntries();

    /** Bytes a zip may inflate to over all its entries (zip-bomb guard). */
    @WithDefault("4294967296")
    long maxUncompressedBytes();

    /** Where uploads wait for their job; each is deleted when its job ends. */
    @WithDefault("${java.io.tmpdir}/spotifymate-imports")
    Path spoolDir();

    /**
     * Events per batch: when a batch is full, the job waits for Kafka's acknowledgements of the batch before it (two
     * are in flight at once, about 5 MB for plays).
     */
    @WithDefault("5000")
    int batchSize();

    /** How often a running job saves its counts for the API and the progress stream. */
    @WithDefault("500ms")
    java.time.Duration progressInterval();

    /** How often a job whose events Kafka did not acknowledge starts again, after waiting, before it fails. */
    @WithDefault("5")
    int kafkaRetries();

    /** The first wait before such a retry; each further wait doubles. */
    @WithDefault("10s")
    java.time.Duration kafkaRetryDelay();

    /** How many rejected rows a job keeps, with file and row, for the user to see. */
    @WithDefault("50")
    int keptRejections();
}
