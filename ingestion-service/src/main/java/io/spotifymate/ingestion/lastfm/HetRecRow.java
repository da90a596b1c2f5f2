package io.spotifymate.ingestion.lastfm;

import io.spotifymate.events.ArtistCataloged;
import java.util.List;

/** One row of a Last.fm HetRec file and what became of it. Rows count data lines from 1, after the header. */
public sealed interface HetRecRow {

    String file();

    int row();

    /**
     * An artist of {@code artists.dat}, with the tags users gave it, most used first.
     *
     * @param lastfmId the dataset's own artist id
     */
    record Artist(String file, int row, int lastfmId, String artistId, String name, List<ArtistCataloged.Tag> tags)
            implements HetRecRow {}

    /** A row of {@code user_artists.dat}: a user's total plays of an artist. */
    record UserArtistPlays(String file, int row, String userId, String artistId, String artistName, long plays)
            implements HetRecRow {}

    /** A tag row that was read into its artist's tags. */
    record TagUsed(String file, int row) implements HetRecRow {}

    /** A row that is fine but refers to nothing usable (an artist missing from artists.dat); counted by reason. */
    record Skipped(String file, int row, String kind) implements HetRecRow {}

    /** A row that could not be read; the reason names the column. */
    record Rejected(String file, int row, String reason) implements HetRecRow {}
}
