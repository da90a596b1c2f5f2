package io.spotifymate.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of import jobs. */
@ConfigMapping(prefix = "spotifymate.import")
public interface ImportConfig {

    /** Entries a zip may have, folders included; more is not a Spotify export. */
    @WithDefault("10000")
    int maxZipEntries();

    /** Bytes a zip may inflate to over all its entries (zip-bomb guard). */
    @WithDefault("4294967296")
    long maxUncompressedBytes();

    /** Where uploads wait for their job; each is deleted when its job ends. */
    @WithDefault("${java.io.tmpdir}/spotifymate-imports")
    Path spoolDir();

    /** Plays sent to Kafka before the job waits for their acknowledgements and records progress. */
    @WithDefault("250")
    int batchSize();

    /** How many rejected rows a job keeps, with file and row, for the user to see. */
    @WithDefault("50")
    int keptRejections();
}
