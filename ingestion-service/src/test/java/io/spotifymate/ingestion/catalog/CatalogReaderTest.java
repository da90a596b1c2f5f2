package io.spotifymate.ingestion.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spotifymate.events.AudioFeatures;
import io.spotifymate.events.datasets.SharedDatasets;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static List<CatalogRow> read(String csv) throws IOException {
        List<CatalogRow> rows = new ArrayList<>();
        new CatalogReader().read(new StringReader(csv), rows::add);
        return rows;
    }

    private static CatalogRow.Entry entry(CatalogRow row) {
        assertThat(row).isInstanceOf(CatalogRow.Entry.class);
        return (CatalogRow.Entry) row;
    }

    /** A feature of the row; null also when the row has no features at all. */
    private static <T> T feature(CatalogRow.Entry row, Function<AudioFeatures, T> feature) {
        return row.audioFeatures() == null ? null : feature.apply(row.audioFeatures());
    }

    @Test
    void theHitPredictorLayoutIsReadWithExponentsAndCrlf() throws IOException {
        String csv = "\uFEFFtrack,artist,uri,danceability,energy,key,loudness,mode,speechiness,acousticness,"
                + "instrumentalness,liveness,valence,tempo,duration_ms,time_signature,chorus_hit,sections,target\r\n"
                + "Jealous Kind Of Fella,Garland Green,spotify:track:1dtKN6wwlolkM8XZy2y9C1,0.417,0.62,3,-7.727,1,"
                + "0.0403,0.49,4.79e-06,0.0779,0.845,185.655,173533,3,32.94975,9,1\r\n";

        CatalogRow.Entry row = entry(read(csv).get(0));

        assertThat(row.trackId()).isEqualTo("spotify:track:1dtKN6wwlolkM8XZy2y9C1");
        assertThat(row.name()).isEqualTo("Jealous Kind Of Fella");
        assertThat(row.artistName()).isEqualTo("Garland Green");
        assertThat(row.durationMs()).isEqualTo(173_533);
        assertThat(row.audioFeatures().instrumentalness()).isEqualTo(4.79e-06);
        assertThat(row.audioFeatures().key()).isEqualTo(3);
        assertThat(row.audioFeatures().tempo()).isEqualTo(185.655);
        assertThat(row.unreadableCells()).isEmpty();
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithQuotedCommasAndOtherLayoutsNames() throws IOException {
        String csv = "Track Genre,valence,artists,track_name,track_id,popularity,album_name,release_date\n"
                + "\"rock; indie\",0.5,\"Simon & Garfunkel;Paul Simon\",\"Mrs. Robinson, Pt. 2\","
                + "7f2k2nAUt5qEJsEOXtEjeA,60,Bookends,1968-04-03\n";

        CatalogRow.Entry row = entry(read(csv).get(0));

        assertThat(row.trackId()).isEqualTo("spotify:track:7f2k2nAUt5qEJsEOXtEjeA");
        assertThat(row.name()).isEqualTo("Mrs. Robinson, Pt. 2");
        assertThat(row.artistName()).isEqualTo("Simon & Garfunkel");
        assertThat(row.albumName()).isEqualTo("Bookends");
        assertThat(row.releaseYear()).isEqualTo(1968);
        assertThat(row.genres()).containsExactly("rock", "indie");
        assertThat(row.audioFeatures().valence()).isEqualTo(0.5);
        assertThat(row.audioFeatures().energy()).isNull();
    }

    @Test
    void spreadsheetMangledCellsAreRepairedWhenClearAndOtherwiseCountedAsMissing() throws IOException {
        String csv = "id,name,artist,danceability,energy,tempo,key\n"
                + "https://open.spotify.com/track/1dtKN6wwlolkM8XZy2y9C1?si=abc,Song,Band,'0.417,\"0,62\",fast,3.5\n";

        CatalogRow.Entry row = entry(read(csv).get(0));

        assertThat(row.trackId()).isEqualTo("spotify:track:1dtKN6wwlolkM8XZy2y9C1");
        assertThat(row.audioFeatures().danceability()).isEqualTo(0.417);
        assertThat(row.audioFeatures().energy()).isEqualTo(0.62);
        assertThat(row.audioFeatures().tempo()).isNull();
        assertThat(row.audioFeatures().key()).isNull();
        assertThat(row.unreadableCells()).containsExactlyInAnyOrder("tempo", "key");
    }

    @Test
    void rowsWithoutAUsableTrackAreRejectedAndTracksWithoutIdsGetLocalIds() throws IOException {
        String csv = "uri,track,artist\n" + "spotify:track:nope,A,B\n" + ",Halo,Beyoncé\n";

        List<CatalogRow> rows = read(csv);

        assertThat(rows.get(0))
                .isEqualTo(new CatalogRow.Rejected(1, "uri 'spotify:track:nope' is not a Spotify track id"));
        assertThat(entry(rows.get(1)).trackId()).startsWith("local:track:");
        assertThat(read("uri,track,artist\n,Halo,\n").get(0))
                .isEqualTo(new CatalogRow.Rejected(
                        1, "no track id, and no track name and artist to name the track by (empty: uri, artist)"));
    }

    /** Kaggle's SpotifyFeatures.csv names keys and modes, and a spreadsheet saved its "4/4" as the date 4-Apr. */
    @Test
    void theSpotifyFeaturesLayoutKeepsNamedKeysModesAndSpreadsheetDatedTimeSignatures() throws IOException {
        String csv = "genre,artist_name,track_name,track_id,popularity,acousticness,danceability,duration_ms,energy,"
                + "instrumentalness,key,liveness,loudness,mode,speechiness,tempo,time_signature,valence\n"
                + "Pop,Ariana Grande,7 rings,6ocbgoVGwYJhOv1GgI9NsF,100,0.592,0.778,178640,0.317,0,C#,0.0881,"
                + "-10.732,Minor,0.334,140.048,4-Apr,0.327\n"
                + "Movie,Henri Salvador,C'est beau de faire un Show,0BRjO6ga9RKCKjfDqeFgWV,0,0.611,0.389,99373,"
                + "0.91,0,A#,0.346,-1.828,Major,0.0525,166.969,3-Apr,0.814\n"
                + "Jazz,Band,Waltz,1dtKN6wwlolkM8XZy2y9C1,12,0.5,0.5,200000,0.5,0,Eb,0.1,-8,Major,0.05,96,5-Apr,0.5\n";

        List<CatalogRow.Entry> rows =
                read(csv).stream().map(CatalogReaderTest::entry).toList();

        assertThat(rows)
                .extracting(
                        row -> row.audioFeatures().key(),
                        row -> row.audioFeatures().mode(),
                        row -> row.audioFeatures().timeSignature())
                .containsExactly(tuple(1, 0, 4), tuple(10, 1, 3), tuple(3, 1, 5));
        assertThat(rows).allSatisfy(row -> assertThat(row.unreadableCells()).isEmpty());
        assertThat(rows.get(0).trackId()).isEqualTo("spotify:track:6ocbgoVGwYJhOv1GgI9NsF");
        assertThat(rows.get(0).genres()).containsExactly("Pop");
        assertThat(rows.get(0).artistName()).isEqualTo("Ariana Grande");
    }

    @Test
    void everySpellingOfAPitchClassGivesItsNumberAndMinusOneIsAnUnknownKeyNotAnUnreadableCell() throws IOException {
        List<String> keys = List.of(
                "C", "C#", "Db", "C♯", "D♭", "d", "d#", "eb", "E", "E#", "Fb", "f#", "Gb", "G", "Ab", "a", "Bb", "B",
                "Cb", "B#", "7", "11.0", "-1");
        StringBuilder csv = new StringBuilder("id,key\n");
        keys.forEach(key -> csv.append("1dtKN6wwlolkM8XZy2y9C1,").append(key).append('\n'));

        List<CatalogRow.Entry> rows =
                read(csv.toString()).stream().map(CatalogReaderTest::entry).toList();

        assertThat(rows)
                .extracting(row -> feature(row, AudioFeatures::key))
                .containsExactly(0, 1, 1, 1, 1, 2, 3, 3, 4, 5, 4, 6, 6, 7, 8, 9, 10, 11, 11, 0, 7, 11, null);
        assertThat(rows).allSatisfy(row -> assertThat(row.unreadableCells()).isEmpty());
    }

    @Test
    void keysModesAndTimeSignaturesThatNameNothingAreCountedUnderTheirColumnNeverGuessed() throws IOException {
        String csv = "id,key,mode,time_signature\n"
                + "1dtKN6wwlolkM8XZy2y9C1,H,maj,0/4\n"
                + "1dtKN6wwlolkM8XZy2y9C1,C##,MINOR,0\n"
                + "1dtKN6wwlolkM8XZy2y9C1,12,dorian,4-Mar\n"
                + "1dtKN6wwlolkM8XZy2y9C1,C#m,2,6/8\n"
                + "1dtKN6wwlolkM8XZy2y9C1,NaN,1,4/4\n";

        List<CatalogRow.Entry> rows =
                read(csv).stream().map(CatalogReaderTest::entry).toList();

        assertThat(rows)
                .extracting(row -> feature(row, AudioFeatures::mode), row -> feature(row, AudioFeatures::timeSignature))
                .containsExactly(tuple(1, null), tuple(0, null), tuple(null, null), tuple(null, null), tuple(1, 4));
        assertThat(rows)
                .allSatisfy(row -> assertThat(feature(row, AudioFeatures::key)).isNull());
        assertThat(rows)
                .extracting(CatalogRow.Entry::unreadableCells)
                .containsExactly(
                        List.of("key", "time_signature"),
                        List.of("key", "time_signature"),
                        List.of("key", "mode", "time_signature"),
                        List.of("key", "mode", "time_signature"),
                        List.of("key"));
    }

    @Test
    void anEmptyIdFallsBackToTheNextIdColumnInTheOrderIdTrackIdUri() throws IOException {
        String csv = "uri,name,id,artist,track_id\n"
                + ",Song,,Band,7f2k2nAUt5qEJsEOXtEjeA\n"
                + "spotify:track:1dtKN6wwlolkM8XZy2y9C1,Song,,Band,\n"
                + "spotify:track:1dtKN6wwlolkM8XZy2y9C1,Song,6ocbgoVGwYJhOv1GgI9NsF,Band,7f2k2nAUt5qEJsEOXtEjeA\n"
                + ",Song,,Band,\n"
                + ",Song,,,\n";

        List<CatalogRow> rows = read(csv);

        assertThat(entry(rows.get(0)).trackId()).isEqualTo("spotify:track:7f2k2nAUt5qEJsEOXtEjeA");
        assertThat(entry(rows.get(0)).name()).isEqualTo("Song");
        assertThat(entry(rows.get(1)).trackId()).isEqualTo("spotify:track:1dtKN6wwlolkM8XZy2y9C1");
        assertThat(entry(rows.get(2)).trackId()).isEqualTo("spotify:track:6ocbgoVGwYJhOv1GgI9NsF");
        assertThat(entry(rows.get(3)).trackId()).startsWith("local:track:");
        assertThat(rows.get(4))
                .isEqualTo(new CatalogRow.Rejected(
                        5,
                        "no track id, and no track name and artist to name the track by "
                                + "(empty: id, track_id, uri, artist)"));
        assertThat(rows).allSatisfy(row -> {
            if (row instanceof CatalogRow.Entry entry) {
                assertThat(entry.unreadableCells()).isEmpty();
            }
        });
    }

    @Test
    void anIdThatIsNoSpotifyIdGivesWayToAnotherIdColumnAndIsCountedElseTheRowIsRejectedNamingIt() throws IOException {
        String csv = "id,track_id,track_name,artist_name\n"
                + "42,7f2k2nAUt5qEJsEOXtEjeA,Song,Band\n"
                + "42,,Song,Band\n"
                + "42,spotify:track:short,Song,Band\n";

        List<CatalogRow> rows = read(csv);

        assertThat(entry(rows.get(0)).trackId()).isEqualTo("spotify:track:7f2k2nAUt5qEJsEOXtEjeA");
        assertThat(entry(rows.get(0)).unreadableCells()).containsExactly("id");
        // A name + artist id would add a second entry for a track the row does identify, only unreadably.
        assertThat(rows.get(1)).isEqualTo(new CatalogRow.Rejected(2, "id '42' is not a Spotify track id"));
        assertThat(rows.get(2))
                .isEqualTo(new CatalogRow.Rejected(
                        3, "id '42', track_id 'spotify:track:short' are not Spotify track ids"));
    }

    @Test
    void releaseDatesASpreadsheetRewroteKeepTheirYearAndOtherYearCellsAndCellsPastTheHeaderAreCounted()
            throws IOException {
        String csv = "id,release_date,tempo\n"
                + "1dtKN6wwlolkM8XZy2y9C1,3/4/1968,120\n"
                + "1dtKN6wwlolkM8XZy2y9C1,1968-04-03,120\n"
                + "1dtKN6wwlolkM8XZy2y9C1,0000,120,\n"
                + "1dtKN6wwlolkM8XZy2y9C1,soon,120,shifted\n";

        List<CatalogRow.Entry> rows =
                read(csv).stream().map(CatalogReaderTest::entry).toList();

        assertThat(rows).extracting(CatalogRow.Entry::releaseYear).containsExactly(1968, 1968, null, null);
        assertThat(rows)
                .extracting(CatalogRow.Entry::unreadableCells)
                .containsExactly(
                        List.of(), List.of(), List.of("release_date"), List.of("release_date", "column 4 (no header)"));
    }

    @Test
    void aFileWhoseHeaderNamesNoTrackIsNotACatalog() {
        assertThatThrownBy(() -> read("date,amount\n2024-01-01,3\n"))
                .isInstanceOf(CatalogReader.NotACatalogException.class)
                .hasMessageContaining("date,amount");
    }

    @Test
    void quotedLineBreaksAndDoubledQuotesStayInsideTheirField() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,\"b \"\"quoted\"\"\r\nsecond line\",c\r\n\r\nd,e,f"));

        assertThat(csv.next()).containsExactly("a", "b \"quoted\"\r\nsecond line", "c");
        assertThat(csv.next()).containsExactly("d", "e", "f");
        assertThat(csv.next()).isNull();
    }

    @Test
    void theWholeHitPredictorCatalogReadsWithoutRejectionsAndLosesOnlyUndetectedTimeSignatures() throws IOException {
        Path dir = SharedDatasets.find(SharedDatasets.HIT_PREDICTOR).orElse(null);
        assumeThat(dir).as(SharedDatasets.missing(SharedDatasets.HIT_PREDICTOR)).isNotNull();
        List<CatalogRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    new CatalogReader().read(reader, rows::add);
                }
            }
        }

        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(entry(row).trackId()));
        assertThat(rows).hasSize(41_106);
        assertThat(ids).hasSize(40_560);
        assertThat(rows)
                .allSatisfy(row -> assertThat(entry(row).audioFeatures()).isNotNull());
        // The only cells lost: three tracks whose time signature was not detected (0 beats per bar).
        assertThat(rows.stream().flatMap(row -> entry(row).unreadableCells().stream()))
                .containsExactly("time_signature", "time_signature", "time_signature");
    }
}
