package io.spotifymate.events.datasets;

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
     * @param artistId SpotifyMate's id of the artist, minted from its name ({@link io.spotifymate.events.ArtistIds})
     */
    record Artist(String file, int row, int lastfmId, String artistId, String name, List<ArtistCataloged.Tag> tags)
            implements HetRecRow {}

    /**
     * A row of {@code user_artists.dat}: a user's total plays of an artist.
     *
     * @param userId SpotifyMate's id of the dataset's user ({@link HetRecReader#USER_PREFIX} and the dataset's id)
     * @param lastfmArtistId the dataset's own artist id; names can repeat where ids do not
     */
    record UserArtistPlays(
            String file, int row, String userId, int lastfmArtistId, String artistId, String artistName, long plays)
            implements HetRecRow {}

    /** A row of {@code tags.dat}: a tag's id and name. */
    record Tag(String file, int row, int tagId, String name) implements HetRecRow {}

    /** A row of {@code user_taggedartists.dat} that was counted into its artist's tags: one user gave it one tag. */
    record ArtistTagged(String file, int row, int lastfmArtistId, int tagId) implements HetRecRow {}

    /** A row that is fine but refers to nothing usable (an artist missing from artists.dat); counted by reason. */
    record Skipped(String file, int row, String kind) implements HetRecRow {}

    /** A row that could not be read; the reason names the column. */
    record Rejected(String file, int row, String reason) implements HetRecRow {}
}
