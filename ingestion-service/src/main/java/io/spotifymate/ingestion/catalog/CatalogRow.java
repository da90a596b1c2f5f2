package io.spotifymate.ingestion.catalog;

import io.spotifymate.events.AudioFeatures;
import java.util.List;

/** One row of a catalog file and what became of it. Row numbers count data rows from 1 (the header is row 0). */
public sealed interface CatalogRow {

    int row();

    /**
     * A catalog entry.
     *
     * @param audioFeatures null when the file has no feature columns or every feature cell is empty
     * @param unreadableCells the names of cells that held something but not a valid value; they count as missing
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

    /** A row that names no track. */
    record Rejected(int row, String reason) implements CatalogRow {}
}
