package io.spotifymate.ingestion.catalog;

import io.spotifymate.events.AudioFeatures;
import java.util.List;

/** One row of a catalog file and what became of it. Row numbers count data rows from 1 (the header is row 0). */
public sealed interface CatalogRow {

    int row();

    /**
     * A catalog entry.
     *
     * @param trackId the Spotify id of the first id column that holds one (id, track_id, uri, ...), else a local id
     *     from name and artist
     * @param audioFeatures null when the file has no feature columns or every feature cell is empty
     * @param unreadableCells the header names of the cells that held something but not a valid value, once per cell
     *     (a cell past the header's last column as "column N (no header)"); they count as missing
     */
    record Entry(
            int row,
            String trackId,
            String name,
            String artistName,
            String albumName,
            Long durationMs,
            Integer releaseYear,
            AudioFeatures audioFeatures,
            List<String> genres,
            List<String> unreadableCells)
            implements CatalogRow {}

    /** A row that names no track: every id cell empty and no name and artist, or no id cell holding a Spotify id. */
    record Rejected(int row, String reason) implements CatalogRow {}
}
