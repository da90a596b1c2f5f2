package io.spotifymate.ingestion.catalog;

import static io.spotifymate.stack.testing.CatalogEntries.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.TrackIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which catalog track a play's artist and title name, and which it must not. */
class CatalogIndexTest {

    private static final String QUEEN = "spotify:track:7hQJA50XrCWABAu5v6QZ4i";
    private static final String OTHER = "spotify:track:2ZyuwVvV6Z3XJaXIFbspeE";

    private final CatalogIndex index = new CatalogIndex();

    @Test
    void exactNamesResolveAcrossAccentsCaseAndPunctuation() {
        index.learn(named(QUEEN, "Hoppípolla", "Sigur Rós"));

        assertThat(index.resolve("SIGUR ROS", "hoppipolla")).contains(QUEEN);
        assertThat(index.resolve("Sigur Ros", "Hoppipolla!")).contains(QUEEN);
    }

    @Test
    void aPlayWithReleaseNotesOrCreditsFindsTheCatalogsPlainTitle() {
        index.learn(named(QUEEN, "Don't Stop Me Now", "Queen"));

        for (String title : List.of(
                "Don't Stop Me Now - Remastered 2011",
                "Don't Stop Me Now - 2011 Remaster",
                "Don't Stop Me Now (Remastered)",
                "Don't Stop Me Now (feat. Brian May)",
                "Don't Stop Me Now [feat. Brian May]",
                "Don't Stop Me Now - feat. Brian May",
                "Don't Stop Me Now - Radio Edit",
                "Don't Stop Me Now (Radio Edit)",
                "Don't Stop Me Now - Single Version",
                "Don't Stop Me Now - Mono",
                "Don't Stop Me Now - Bonus Track",
                "Don't Stop Me Now (Deluxe Edition)")) {
            assertThat(index.resolve("Queen", title)).as(title).contains(QUEEN);
        }
        for (String artist : List.of("Queen feat. Brian May", "Queen ft. Brian May", "Queen, Brian May", "Queen & X")) {
            assertThat(index.resolve(artist, "Don't Stop Me Now")).as(artist).contains(QUEEN);
        }
    }

    @Test
    void aPlainPlayFindsTheCatalogsDecoratedTitleAndCreditList() {
        index.learn(named(QUEEN, "A Mutual Friend - 2006 Remastered Version", "Wire"));
        index.learn(named(OTHER, "Otis", "Jay-Z Featuring Kanye West"));

        assertThat(index.resolve("Wire", "A Mutual Friend")).contains(QUEEN);
        assertThat(index.resolve("Wire", "A Mutual Friend (Radio Edit)")).contains(QUEEN);
        // Spotify names the first artist and moves the guest into the title.
        assertThat(index.resolve("JAY-Z", "Otis (feat. Kanye West)")).contains(OTHER);
    }

    @Test
    void aLivePlayIsNeverTakenForTheStudioRecording() {
        index.learn(named(QUEEN, "Bohemian Rhapsody", "Queen"));

        assertThat(index.resolve("Queen", "Bohemian Rhapsody (Live)")).isEmpty();
        assertThat(index.resolve("Queen", "Bohemian Rhapsody - Live at Wembley"))
                .isEmpty();
        assertThat(index.resolve("Queen", "Bohemian Rhapsody - Acoustic")).isEmpty();
        assertThat(index.trackIdFor("Queen", "Bohemian Rhapsody (Live)"))
                .isEqualTo(TrackIds.local("Queen", "Bohemian Rhapsody (Live)"));

        index.learn(named(OTHER, "Bohemian Rhapsody - Live", "Queen"));
        assertThat(index.resolve("Queen", "Bohemian Rhapsody (Live) [Remastered 2011]"))
                .contains(OTHER);
        assertThat(index.resolve("Queen", "Bohemian Rhapsody - Remastered 2011"))
                .contains(QUEEN);
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
