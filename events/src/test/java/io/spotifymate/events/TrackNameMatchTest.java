package io.spotifymate.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.TrackNameMatch.CatalogKey;
import io.spotifymate.events.TrackNameMatch.Match;
import io.spotifymate.events.TrackNameMatch.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules a play's names find a catalog track by, as the ingestion-service resolves plays with them and the
 * feature-service merges local tracks by them: the keys on both sides, the steps and their order, and which of several
 * catalog tracks wins.
 */
class TrackNameMatchTest {

    private static final char SEP = TrackMatchKeys.SEPARATOR;
    private static final String QUEEN = "spotify:track:7hQJA50XrCWABAu5v6QZ4i";
    private static final String OTHER = "spotify:track:2ZyuwVvV6Z3XJaXIFbspeE";

    /** How a play of these names finds a catalog entry of those, if it does. */
    private static Optional<Step> step(String catalogArtist, String catalogTitle, String artist, String title) {
        return TrackNameMatch.match(catalogArtist, catalogTitle, artist, title).map(Match::step);
    }

    private static TrackCataloged named(String trackId, String name, String artist) {
        return new TrackCataloged(
                EventIds.fromContent("catalog", trackId, name, artist),
                Instant.parse("2026-01-01T00:00:00Z"),
                TrackCataloged.SCHEMA_VERSION,
                trackId,
                name,
                artist,
                null,
                null,
                null,
                null,
                List.of(),
                "test");
    }

    /**
     * The simplest store of catalog keys: one map per kind, an exact key kept by the first entry, a loose one by the
     * smaller id.
     */
    private static final class Index {

        private final Map<CatalogKey, Map<String, String>> byKind = new EnumMap<>(CatalogKey.class);

        Index(List<TrackCataloged> entries) {
            for (CatalogKey kind : CatalogKey.values()) {
                byKind.put(kind, new HashMap<>());
            }
            for (TrackCataloged entry : entries) {
                if (!TrackNameMatch.matchable(entry)) {
                    continue;
                }
                TrackNameMatch.forEachCatalogKey(
                        entry.artistName(), entry.name(), entry.trackId(), (kind, artist, title, id) -> {
                            Map<String, String> keys = byKind.get(kind);
                            if (kind == CatalogKey.EXACT) {
                                keys.putIfAbsent(TrackNameMatch.key(artist, title), id);
                            } else {
                                keys.merge(TrackNameMatch.key(artist, title), id, TrackNameMatch::tieBreak);
                            }
                        });
            }
        }

        Optional<String> resolve(String artist, String title) {
            return Optional.ofNullable(TrackNameMatch.resolve(
                    artist,
                    title,
                    (match, key) -> byKind.get(match.catalogKey()).get(key)));
        }
    }

    @Test
    void aPlayIsLookedUpByItsExactKeyThenItsLooseTitleUnderTheFullThenThePrimaryArtist() {
        List<String> tried = new ArrayList<>();
        TrackNameMatch.resolve("A feat. B", "Song - Remastered 2011", (match, key) -> {
            tried.add(match + " " + key.replace(SEP, '/'));
            return null;
        });

        assertThat(tried)
                .containsExactly(
                        "EXACT a feat b/song remastered 2011",
                        "TITLE a feat b/song",
                        "TITLE_DECORATED a feat b/song",
                        "TITLE_CREDITED a feat b/song",
                        "PRIMARY_ARTIST a/song",
                        "PRIMARY_ARTIST_DECORATED a/song",
                        "PRIMARY_ARTIST_CREDITED a/song");
        assertThat(TrackNameMatch.playKeys("A feat. B", "Song - Remastered 2011"))
                .containsExactly(
                        "a feat b" + SEP + "song remastered 2011", "a feat b" + SEP + "song", "a" + SEP + "song");
        assertThat(TrackNameMatch.playKeys("Adele", "Hello"))
                .as("no decoration, no credit: one key")
                .containsExactly("adele" + SEP + "hello");
    }

    @Test
    void anUndecoratedTitleIsNotLookedUpAmongExactKeysTwice() {
        List<Match> tried = new ArrayList<>();
        TrackNameMatch.resolve("Adele", "Hello", (match, key) -> {
            tried.add(match);
            return null;
        });

        assertThat(tried).containsExactly(Match.EXACT, Match.TITLE_DECORATED, Match.TITLE_CREDITED);
    }

    @Test
    void aCatalogEntryIsLearnedUnderItsExactKeyAndItsLooseKeysWhereTheyDiffer() {
        assertThat(TrackNameMatch.catalogKeys("Queen", "Don't Stop Me Now"))
                .containsExactly("queen" + SEP + "don t stop me now");
        assertThat(TrackNameMatch.catalogKeys("Jay-Z Featuring Kanye West", "Otis - Remastered"))
                .containsExactly(
                        "jay z featuring kanye west" + SEP + "otis remastered",
                        "jay z featuring kanye west" + SEP + "otis",
                        "jay z" + SEP + "otis");
        List<CatalogKey> kinds = new ArrayList<>();
        TrackNameMatch.forEachCatalogKey(
                "Queen & X", "Song (Live)", kinds, (kind, artist, title, all) -> all.add(kind));
        assertThat(kinds)
                .as("a live note names another recording: no loose key under the full artist")
                .containsExactly(CatalogKey.EXACT, CatalogKey.PRIMARY_ARTIST);
    }

    @Test
    void exactNamesMatchAcrossAccentsCaseAndPunctuation() {
        assertThat(step("Sigur Rós", "Hoppípolla", "SIGUR ROS", "hoppipolla")).contains(Step.EXACT);
        assertThat(step("Sigur Rós", "Hoppípolla", "Sigur Ros", "Hoppipolla!")).contains(Step.EXACT);
    }

    @Test
    void aPlayWithReleaseNotesOrCreditsFindsTheCatalogsPlainTitle() {
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
            assertThat(TrackNameMatch.match("Queen", "Don't Stop Me Now", "Queen", title))
                    .as(title)
                    .contains(Match.TITLE);
        }
        for (String artist : List.of("Queen feat. Brian May", "Queen ft. Brian May", "Queen, Brian May", "Queen & X")) {
            assertThat(TrackNameMatch.match("Queen", "Don't Stop Me Now", artist, "Don't Stop Me Now"))
                    .as(artist)
                    .contains(Match.PRIMARY_ARTIST);
        }
        assertThat(step("Queen", "Don't Stop Me Now", "Queen feat. Brian May", "Don't Stop Me Now - Remastered 2011"))
                .contains(Step.PRIMARY_ARTIST);
    }

    @Test
    void aPlainPlayFindsTheCatalogsDecoratedTitleAndCreditList() {
        String mutualFriend = "A Mutual Friend - 2006 Remastered Version";

        assertThat(TrackNameMatch.match("Wire", mutualFriend, "Wire", "A Mutual Friend"))
                .contains(Match.TITLE_DECORATED);
        assertThat(TrackNameMatch.match("Wire", mutualFriend, "Wire", "A Mutual Friend (Radio Edit)"))
                .contains(Match.TITLE_DECORATED);
        // Spotify names the first artist and moves the guest into the title.
        assertThat(TrackNameMatch.match("Jay-Z Featuring Kanye West", "Otis", "JAY-Z", "Otis (feat. Kanye West)"))
                .contains(Match.TITLE_CREDITED);
    }

    @Test
    void aLivePlayIsNeverTakenForTheStudioRecording() {
        assertThat(step("Queen", "Bohemian Rhapsody", "Queen", "Bohemian Rhapsody (Live)"))
                .isEmpty();
        assertThat(step("Queen", "Bohemian Rhapsody", "Queen", "Bohemian Rhapsody - Live at Wembley"))
                .isEmpty();
        assertThat(step("Queen", "Bohemian Rhapsody", "Queen", "Bohemian Rhapsody - Acoustic"))
                .isEmpty();

        assertThat(step("Queen", "Bohemian Rhapsody - Live", "Queen", "Bohemian Rhapsody (Live) [Remastered 2011]"))
                .contains(Step.TITLE);
        assertThat(step("Queen", "Bohemian Rhapsody - Live", "Queen", "Bohemian Rhapsody - Remastered 2011"))
                .isEmpty();
        assertThat(step("Queen", "Bohemian Rhapsody", "Queen", "Bohemian Rhapsody - Remastered 2011"))
                .contains(Step.TITLE);
    }

    @Test
    void theFullArtistRanksBeforeThePrimaryOneAndAPlainCatalogTitleBeforeADecoratedOne() {
        assertThat(TrackNameMatch.match(
                        "Simon & Garfunkel", "The Boxer - Remastered", "Simon & Garfunkel", "The Boxer"))
                .contains(Match.TITLE_DECORATED);
        assertThat(TrackNameMatch.match("Simon", "The Boxer", "Simon & Garfunkel", "The Boxer"))
                .contains(Match.PRIMARY_ARTIST);
        assertThat(TrackNameMatch.match("Band", "Song", "Band", "Song (Radio Edit)"))
                .contains(Match.TITLE);
        assertThat(TrackNameMatch.match("Band", "Song - Remastered", "Band", "Song (Radio Edit)"))
                .contains(Match.TITLE_DECORATED);
        for (Match match : Match.values()) {
            assertThat(match.rank()).isEqualTo(match.ordinal());
        }
        assertThat(Match.TITLE_DECORATED.rank()).isLessThan(Match.PRIMARY_ARTIST.rank());
        assertThat(Match.TITLE.rank()).isLessThan(Match.TITLE_DECORATED.rank());
    }

    @Test
    void eachStepHasTheLabelStoredForIt() {
        assertThat(Step.EXACT.label()).isEqualTo("exact");
        assertThat(Step.TITLE.label()).isEqualTo("title");
        assertThat(Step.PRIMARY_ARTIST.label()).isEqualTo("primary-artist");
        assertThat(List.of(Match.values()).stream().map(Match::step))
                .containsExactly(
                        Step.EXACT,
                        Step.TITLE,
                        Step.TITLE,
                        Step.TITLE,
                        Step.PRIMARY_ARTIST,
                        Step.PRIMARY_ARTIST,
                        Step.PRIMARY_ARTIST);
    }

    @Test
    void ofTwoCatalogTracksTheBetterMatchWinsThenTheSmallerId() {
        String smaller = "spotify:track:0aaaaaaaaaaaaaaaaaaaaa";
        String larger = "spotify:track:9zzzzzzzzzzzzzzzzzzzzz";

        assertThat(TrackNameMatch.tieBreak(larger, smaller)).isEqualTo(smaller);
        assertThat(TrackNameMatch.tieBreak(smaller, larger)).isEqualTo(smaller);
        assertThat(TrackNameMatch.better(Match.TITLE, larger, Match.TITLE_DECORATED, smaller))
                .isTrue();
        assertThat(TrackNameMatch.better(Match.TITLE_DECORATED, smaller, Match.TITLE, larger))
                .isFalse();
        assertThat(TrackNameMatch.better(Match.TITLE, smaller, Match.TITLE, larger))
                .isTrue();
        assertThat(TrackNameMatch.better(Match.TITLE, larger, Match.TITLE, smaller))
                .isFalse();
        assertThat(TrackNameMatch.better(Match.TITLE, smaller, Match.TITLE, smaller))
                .as("the same track is no better than itself")
                .isFalse();
    }

    @Test
    void onlyASpotifyTrackWithBothNamesCanBeFound() {
        assertThat(TrackNameMatch.matchable(named(QUEEN, "Song", "Queen"))).isTrue();
        assertThat(TrackNameMatch.matchable(named(TrackIds.local("Queen", "Song"), "Song", "Queen")))
                .isFalse();
        assertThat(TrackNameMatch.matchable(named(QUEEN, null, "Queen"))).isFalse();
        assertThat(TrackNameMatch.matchable(named(QUEEN, "Song", null))).isFalse();
    }

    @Test
    void aKeySharedByChanceIsNoMatch() {
        // The play's exact key is the catalog's loose one, but a play's exact key is never looked up among loose keys,
        // nor does the play's own loose title ("song") find this entry.
        Set<String> shared = new HashSet<>(TrackNameMatch.playKeys("Band", "Song - Remastered"));
        shared.retainAll(TrackNameMatch.catalogKeys("Band", "Song Remastered (feat. X)"));
        assertThat(shared).isNotEmpty();

        assertThat(TrackNameMatch.match("Band", "Song Remastered (feat. X)", "Band", "Song - Remastered"))
                .isEmpty();
        assertThat(new Index(List.of(named(QUEEN, "Song Remastered (feat. X)", "Band")))
                        .resolve("Band", "Song - Remastered"))
                .isEmpty();
    }

    @Test
    void everyMatchSharesAKeyWithTheEntrySoALookUpFindsIt() {
        List<String> artists = List.of("Queen", "Queen feat. Brian May", "QUEEN", "Queen & X", "Brian May");
        List<String> titles = List.of(
                "Song",
                "Song - Remastered 2011",
                "Song (feat. X)",
                "Song (Live)",
                "Song - Live / Remastered",
                "Song Remastered (feat. X)",
                "Song - Radio Edit");
        int matches = 0;
        for (String catalogArtist : artists) {
            for (String catalogTitle : titles) {
                for (String artist : artists) {
                    for (String title : titles) {
                        if (TrackNameMatch.match(catalogArtist, catalogTitle, artist, title)
                                .isEmpty()) {
                            continue;
                        }
                        matches++;
                        Set<String> shared = new HashSet<>(TrackNameMatch.playKeys(artist, title));
                        shared.retainAll(TrackNameMatch.catalogKeys(catalogArtist, catalogTitle));
                        assertThat(shared)
                                .as("%s / %s against %s / %s", artist, title, catalogArtist, catalogTitle)
                                .isNotEmpty();
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(artists.size() * titles.size());
    }

    @Test
    void aStoreOfKeysFindsTheCatalogTrackThatMatchesBestWhateverOrderTheEntriesCameIn() {
        // What the feature-service relies on: ranking each entry's match gives the track the ingestion's store finds.
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
        // Every pair in both orders (the pool has no two entries of the same exact names).
        for (TrackCataloged first : pool) {
            for (TrackCataloged second : pool) {
                if (first != second) {
                    catalogs.add(List.of(first, second));
                }
            }
        }
        int found = 0;
        for (List<TrackCataloged> catalog : catalogs) {
            Index index = new Index(catalog);
            for (String artist : artists) {
                for (String title : titles) {
                    String best = null;
                    Match bestMatch = null;
                    for (TrackCataloged entry : catalog) {
                        Optional<Match> match = TrackNameMatch.match(entry.artistName(), entry.name(), artist, title);
                        if (match.isPresent()
                                && (best == null
                                        || TrackNameMatch.better(match.get(), entry.trackId(), bestMatch, best))) {
                            best = entry.trackId();
                            bestMatch = match.get();
                        }
                    }
                    assertThat(index.resolve(artist, title))
                            .as("%s / %s in %s", artist, title, catalog)
                            .isEqualTo(Optional.ofNullable(best));
                    found += best == null ? 0 : 1;
                }
            }
        }
        assertThat(found).as("most pairs hold a match").isGreaterThan(catalogs.size());
    }

    @Test
    void aStoreOfKeysFindsATrackByEachStepAndNoneWithoutASpotifyId() {
        Index index = new Index(List.of(
                named(QUEEN, "Don't Stop Me Now", "Queen"),
                named(OTHER, "Otis", "Jay-Z Featuring Kanye West"),
                named(TrackIds.local("Band", "Song"), "Song", "Band")));

        assertThat(index.resolve("QUEEN", "don't stop me now")).contains(QUEEN);
        assertThat(index.resolve("Queen", "Don't Stop Me Now (feat. Brian May)"))
                .contains(QUEEN);
        assertThat(index.resolve("Queen ft. Brian May", "Don't Stop Me Now")).contains(QUEEN);
        assertThat(index.resolve("JAY-Z", "Otis (feat. Kanye West)")).contains(OTHER);
        assertThat(index.resolve("Queen", "Don't Stop Me Now (Live)")).isEmpty();
        assertThat(index.resolve("Band", "Song"))
                .as("no Spotify id: nothing to find")
                .isEmpty();
    }
}
