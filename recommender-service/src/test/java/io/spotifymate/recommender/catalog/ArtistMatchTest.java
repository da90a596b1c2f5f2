package io.spotifymate.recommender.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtistMatchTest {

    private static CatalogSnapshot catalog(String... artists) {
        List<CatalogSnapshot.Track> tracks = new ArrayList<>();
        for (int i = 0; i < artists.length; i++) {
            tracks.add(new CatalogSnapshot.Track(
                    "local:track:t" + i,
                    "Song " + i,
                    artists[i],
                    null,
                    200_000L,
                    2000,
                    List.of(),
                    null,
                    null,
                    10,
                    10L));
        }
        return CatalogSnapshot.of(tracks, Map.of(), Instant.EPOCH);
    }

    @Test
    void aMisspeltArtistIsTheNearestOneWithinAFewEdits() {
        CatalogSnapshot catalog = catalog("Radiohead", "Beyoncé", "The Beatles", "Portishead", "Abba");

        assertThat(catalog.artistNameOf(catalog.artistIndexOrClosest("radiohed")))
                .isEqualTo("Radiohead");
        assertThat(catalog.artistNameOf(catalog.artistIndexOrClosest("Beyonce")))
                .isEqualTo("Beyoncé");
        assertThat(catalog.artistNameOf(catalog.artistIndexOrClosest("beatles")))
                .isEqualTo("The Beatles");
        assertThat(catalog.artistNameOf(catalog.artistIndexOrClosest("portishaed")))
                .isEqualTo("Portishead");
    }

    @Test
    void aNameFarFromEveryArtistOrTooShortToTellIsNoArtist() {
        CatalogSnapshot catalog = catalog("Radiohead", "Abba");

        assertThat(catalog.artistIndex("Metallica")).isEqualTo(-1);
        assertThat(catalog.artistIndex("Abbo"))
                .as("four letters leave no room for a typo")
                .isEqualTo(-1);
    }

    @Test
    void theEditDistanceCountsSwapsAsOneAndStopsAtItsLimit() {
        assertThat(NameMatch.distance("radiohead", "radiohaed", 3)).isEqualTo(1);
        assertThat(NameMatch.distance("abc", "abc", 0)).isZero();
        assertThat(NameMatch.distance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(NameMatch.distance("kitten", "sitting", 2)).isEqualTo(3);
    }

    @Test
    void aSearchFindsTitlesAndArtistsByTheirWordsAndAMisspeltArtistByTheNearestName() {
        CatalogSnapshot catalog = catalog("Radiohead", "Radiohead", "Portishead");

        assertThat(catalog.search("song 1 radiohead", 10)).containsExactly(1);
        assertThat(catalog.search("RADIOHEAD", 10)).containsExactlyInAnyOrder(0, 1);
        assertThat(catalog.search("portishaed", 10)).containsExactly(2);
        assertThat(catalog.search("nothing like this", 10)).isEmpty();
        assertThat(catalog.search("radiohead", 1)).hasSize(1);
    }
}
