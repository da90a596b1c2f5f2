package io.spotifymate.feature.service;

import static io.spotifymate.stack.testing.CatalogEntries.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.TrackMatchKeys;
import io.spotifymate.events.TrackNameMatch;
import io.spotifymate.events.TrackNameMatch.Step;
import io.spotifymate.feature.service.LocalTrackMatches.CatalogNames;
import io.spotifymate.feature.service.LocalTrackMatches.Choice;
import io.spotifymate.feature.service.LocalTrackMatches.LocalNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which catalog entry takes over a local track, run the way a merge runs it (the local track's keys stored, the
 * entries' keys looked up, the names checked and ranked). The rules themselves are tested in {@code events}
 * ({@code TrackNameMatchTest}).
 */
class LocalTrackMatchesTest {

    private static final char SEP = TrackMatchKeys.SEPARATOR;
    private static final String QUEEN = "spotify:track:7hQJA50XrCWABAu5v6QZ4i";
    private static final String OTHER = "spotify:track:2ZyuwVvV6Z3XJaXIFbspeE";

    /** What a merge makes of a local track of these names, given these catalog entries arriving together. */
    private static Optional<Choice> merged(List<TrackCataloged> catalog, String artist, String title) {
        String localId = TrackIds.local(artist, title);
        Map<String, List<LocalNames>> stored = new HashMap<>();
        for (String key : TrackNameMatch.playKeys(artist, title)) {
            stored.put(key, List.of(new LocalNames(localId, artist, title)));
        }
        Map<String, List<LocalNames>> found = new HashMap<>();
        for (TrackCataloged entry : catalog) {
            for (String key : TrackNameMatch.catalogKeys(entry.artistName(), entry.name())) {
                if (stored.containsKey(key)) {
                    found.put(key, stored.get(key));
                }
            }
        }
        return Optional.ofNullable(LocalTrackMatches.choose(catalog, found).get(localId));
    }

    private static Optional<String> mergedInto(List<TrackCataloged> catalog, String artist, String title) {
        return merged(catalog, artist, title).map(Choice::spotifyId);
    }

    /**
     * What a merge makes of a local track of these names whose plays come after these catalog entries were stored:
     * the entries' key rows stored, the local track's keys looked up, the names checked.
     */
    private static Optional<Choice> mergedLate(List<TrackCataloged> catalog, String artist, String title) {
        Map<String, List<CatalogNames>> stored = new HashMap<>();
        for (TrackCataloged entry : catalog) {
            for (String key : LocalTrackMatches.entryKeys(entry)) {
                stored.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new CatalogNames(entry.trackId(), entry.artistName(), entry.name(), entry.occurredAt()));
            }
        }
        Map<String, List<CatalogNames>> found = new HashMap<>();
        for (String key : TrackNameMatch.playKeys(artist, title)) {
            if (stored.containsKey(key)) {
                found.put(key, stored.get(key));
            }
        }
        String localId = TrackIds.local(artist, title);
        return Optional.ofNullable(
                LocalTrackMatches.chooseCatalog(List.of(new LocalNames(localId, artist, title)), found)
                        .get(localId));
    }

    @Test
    void theFullArtistComesBeforeThePrimaryOne() {
        String duo = "spotify:track:5yEPktRqvIhko5QFF3aBhQ";
        String solo = "spotify:track:0yJzqTt7ljBV9NQmTnGzGv";
        List<TrackCataloged> catalog =
                List.of(named(duo, "The Boxer - Remastered", "Simon & Garfunkel"), named(solo, "The Boxer", "Simon"));

        assertThat(mergedInto(catalog, "Simon & Garfunkel", "The Boxer")).contains(duo);
        assertThat(mergedInto(catalog, "Simon & Garfunkel", "The Boxer (Single Version)"))
                .contains(duo);
        assertThat(mergedInto(catalog, "Simon", "The Boxer")).contains(solo);
        assertThat(mergedInto(catalog, "Simon feat. Someone", "The Boxer - Radio Edit"))
                .contains(solo);
    }

    @Test
    void ofTwoEntriesSharingALooseKeyTheSmallerIdWinsInWhateverOrderTheyCome() {
        String smaller = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String larger = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        TrackCataloged first = named(larger, "Song - Remastered 2009", "Band");
        TrackCataloged second = named(smaller, "Song - 2011 Remaster", "Band");

        assertThat(mergedInto(List.of(first, second), "Band", "Song")).contains(smaller);
        assertThat(mergedInto(List.of(second, first), "Band", "Song")).contains(smaller);
        assertThat(mergedInto(List.of(first, second), "Band", "Song - Remastered 2009"))
                .as("the exact names still name their own track")
                .contains(larger);
    }

    @Test
    void aPlainCatalogTitleWinsOverADecoratedOneOfTheSameLooseKey() {
        String decorated = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String plain = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        List<TrackCataloged> catalog =
                List.of(named(decorated, "Song - Remastered", "Band"), named(plain, "Song", "Band"));

        assertThat(mergedInto(catalog, "Band", "Song (Radio Edit)")).contains(plain);
        assertThat(mergedInto(catalog, "Band", "Song")).contains(plain);
    }

    @Test
    void entriesWithoutASpotifyIdOrWithoutNamesTakeNothingOver() {
        assertThat(mergedInto(List.of(named(TrackIds.local("Band", "Song"), "Song", "Band")), "Band", "Song"))
                .isEmpty();
        assertThat(mergedInto(List.of(named(QUEEN, null, "Band")), "Band", "Song"))
                .isEmpty();
        assertThat(mergedInto(List.of(named(QUEEN, "Song", "Band")), "Band", "Song"))
                .as("the same entry with its names")
                .contains(QUEEN);
    }

    @Test
    void aCatalogEntryWritesOneKeyRowUnlessItsTitleIsDecoratedOrItsArtistAList() {
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Don't Stop Me Now", "Queen")))
                .containsExactly("queen" + SEP + "don t stop me now");
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Don't Stop Me Now - Remastered 2011", "Queen")))
                .hasSize(2);
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Don't Stop Me Now (Live)", "Queen")))
                .as("a live note names another recording: no loose key")
                .hasSize(1);
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Don't Stop Me Now", "Queen feat. Brian May")))
                .hasSize(2);
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Don't Stop Me Now - Remastered", "Queen feat. Brian May")))
                .hasSize(3);
        assertThat(LocalTrackMatches.entryKeys(named(TrackIds.local("Queen", "Song"), "Song", "Queen")))
                .as("no Spotify id: nothing to merge into")
                .isEmpty();
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, null, "Queen"))).isEmpty();
        assertThat(LocalTrackMatches.entryKeys(named(QUEEN, "Song", null))).isEmpty();
    }

    @Test
    void aLocalTrackMetAfterTheCatalogGetsTheTrackItGetsWhenTheCatalogComesAfterIt() {
        List<String> artists = List.of("Queen", "QUEEN feat. Brian May", "Simon & Garfunkel", "Simon");
        List<String> titles = List.of(
                "Song",
                "Song - Remastered 2011",
                "Song - 2011 Remaster",
                "Song (feat. X)",
                "Song (Live)",
                "Song - Live / Remastered",
                "Song Remastered (feat. X)");
        List<TrackCataloged> pool = new ArrayList<>();
        for (String artist : artists) {
            for (String title : titles) {
                // Ids in no order of the names, so that ties are broken differently from one pair to the next.
                int n = (pool.size() * 17) % (artists.size() * titles.size());
                pool.add(named(String.format("spotify:track:%022d", n), title, artist));
            }
        }
        List<List<TrackCataloged>> catalogs = new ArrayList<>();
        catalogs.add(pool);
        // Every pair once: neither side depends on the order the entries come in (ties go to the smaller id).
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                catalogs.add(List.of(pool.get(i), pool.get(j)));
            }
        }
        int merges = 0;
        for (List<TrackCataloged> catalog : catalogs) {
            for (String artist : artists) {
                for (String title : titles) {
                    Optional<Choice> late = mergedLate(catalog, artist, title);
                    assertThat(late)
                            .as("%s / %s after %s", artist, title, catalog)
                            .isEqualTo(merged(catalog, artist, title));
                    merges += late.isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(merges).as("most pairs hold a match").isGreaterThan(catalogs.size());
    }

    @Test
    void aLocalTrackMetAfterTheCatalogTakesTheBestOfTheStoredEntriesWhateverTheirOrder() {
        String smaller = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String larger = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";
        TrackCataloged remastered = named(larger, "Song - Remastered 2009", "Band");
        TrackCataloged remaster = named(smaller, "Song - 2011 Remaster", "Band");
        TrackCataloged plain = named(larger, "Song", "Band");

        assertThat(mergedLate(List.of(remastered, remaster), "Band", "Song").map(Choice::spotifyId))
                .contains(smaller);
        assertThat(mergedLate(List.of(remaster, remastered), "Band", "Song").map(Choice::spotifyId))
                .contains(smaller);
        assertThat(mergedLate(List.of(remaster, plain), "Band", "Song (Radio Edit)"))
                .as("the plain title ranks first, whatever its id")
                .contains(new Choice(TrackIds.local("Band", "Song (Radio Edit)"), larger, Step.TITLE));
        assertThat(mergedLate(List.of(plain), "Band", "Song (Live)"))
                .as("a live play stays local")
                .isEmpty();
    }

    @Test
    void eachLocalTrackLookedUpTogetherGetsItsOwnCatalogTrackOrNone() {
        TrackCataloged song = named(QUEEN, "Song", "Queen");
        TrackCataloged other = named(OTHER, "Other - Remastered", "Queen");
        Map<String, List<CatalogNames>> stored = new HashMap<>();
        for (TrackCataloged entry : List.of(song, other)) {
            for (String key : LocalTrackMatches.entryKeys(entry)) {
                stored.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new CatalogNames(entry.trackId(), entry.artistName(), entry.name(), entry.occurredAt()));
            }
        }
        List<LocalNames> locals = List.of(
                new LocalNames(TrackIds.local("QUEEN", "song"), "QUEEN", "song"),
                new LocalNames(TrackIds.local("Queen feat. X", "Other"), "Queen feat. X", "Other"),
                new LocalNames(TrackIds.local("Queen", "Song (Live)"), "Queen", "Song (Live)"));

        assertThat(LocalTrackMatches.chooseCatalog(locals, stored))
                .isEqualTo(Map.of(
                        locals.get(0).trackId(), new Choice(locals.get(0).trackId(), QUEEN, Step.EXACT),
                        locals.get(1).trackId(), new Choice(locals.get(1).trackId(), OTHER, Step.PRIMARY_ARTIST)));
        assertThat(LocalTrackMatches.chooseCatalog(locals, Map.of())).isEmpty();
    }
}
