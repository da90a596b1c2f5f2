package io.spotifymate.ingestion.catalog;

import static io.spotifymate.stack.testing.CatalogEntries.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.TrackIds;
import org.junit.jupiter.api.Test;

/**
 * Which catalog track the index finds for a play's artist and title when it holds several. The rules themselves (which
 * names match, by which step) are tested in {@code events} ({@code TrackNameMatchTest}).
 */
class CatalogIndexTest {

    private static final String QUEEN = "spotify:track:7hQJA50XrCWABAu5v6QZ4i";
    private static final String OTHER = "spotify:track:2ZyuwVvV6Z3XJaXIFbspeE";

    private final CatalogIndex index = new CatalogIndex();

    @Test
    void aPlayFindsItsCatalogTrackByEachStepAndOtherwiseGetsTheLocalIdOfItsNames() {
        index.learn(named(QUEEN, "Don't Stop Me Now", "Queen"));
        index.learn(named(OTHER, "Otis", "Jay-Z Featuring Kanye West"));

        assertThat(index.resolve("QUEEN", "don't stop me now")).contains(QUEEN);
        assertThat(index.resolve("Queen", "Don't Stop Me Now - Remastered 2011"))
                .contains(QUEEN);
        assertThat(index.resolve("Queen feat. Brian May", "Don't Stop Me Now")).contains(QUEEN);
        assertThat(index.resolve("JAY-Z", "Otis (feat. Kanye West)")).contains(OTHER);
        assertThat(index.trackIdFor("Queen", "Don't Stop Me Now (Live)"))
                .isEqualTo(TrackIds.local("Queen", "Don't Stop Me Now (Live)"));
    }

    @Test
    void theFullArtistIsTriedBeforeThePrimaryOne() {
        String duo = "spotify:track:5yEPktRqvIhko5QFF3aBhQ";
        String solo = "spotify:track:0yJzqTt7ljBV9NQmTnGzGv";
        index.learn(named(duo, "The Boxer - Remastered", "Simon & Garfunkel"));
        index.learn(named(solo, "The Boxer", "Simon"));

        assertThat(index.resolve("Simon & Garfunkel", "The Boxer")).contains(duo);
        assertThat(index.resolve("Simon & Garfunkel", "The Boxer (Single Version)"))
                .contains(duo);
        assertThat(index.resolve("Simon", "The Boxer")).contains(solo);
        assertThat(index.resolve("Simon feat. Someone", "The Boxer - Radio Edit"))
                .contains(solo);
    }

    @Test
    void twoTracksSharingALooseKeyResolveToTheSmallerIdInWhateverOrderTheyArrive() {
        String smaller = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String larger = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        CatalogIndex other = new CatalogIndex();
        index.learn(named(larger, "Song - Remastered 2009", "Band"));
        index.learn(named(smaller, "Song - 2011 Remaster", "Band"));
        other.learn(named(smaller, "Song - 2011 Remaster", "Band"));
        other.learn(named(larger, "Song - Remastered 2009", "Band"));

        assertThat(index.resolve("Band", "Song")).contains(smaller);
        assertThat(other.resolve("Band", "Song")).contains(smaller);
        // The exact names still name their own track.
        assertThat(index.resolve("Band", "Song - Remastered 2009")).contains(larger);
    }

    @Test
    void anExactKeyStaysWithTheFirstTrackThatClaimedIt() {
        String smaller = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String larger = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        index.learn(named(larger, "Song", "Band"));
        index.learn(named(smaller, "SONG", "band"));

        assertThat(index.resolve("Band", "Song")).contains(larger);
        assertThat(index.knows(smaller)).isTrue();
    }

    @Test
    void aPlainCatalogTitleWinsOverADecoratedOneOfTheSameLooseKey() {
        String decorated = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String plain = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        index.learn(named(decorated, "Song - Remastered", "Band"));
        index.learn(named(plain, "Song", "Band"));

        assertThat(index.resolve("Band", "Song (Radio Edit)")).contains(plain);
        assertThat(index.resolve("Band", "Song")).contains(plain);
    }

    @Test
    void entriesWithoutASpotifyIdAreKnownButNameNothing() {
        String local = TrackIds.local("Band", "Song");
        index.learn(named(local, "Song", "Band"));

        assertThat(index.knows(local)).isTrue();
        assertThat(index.resolve("Band", "Song")).isEmpty();
        assertThat(index.resolve("Band", "Song - Remastered")).isEmpty();
    }
}
