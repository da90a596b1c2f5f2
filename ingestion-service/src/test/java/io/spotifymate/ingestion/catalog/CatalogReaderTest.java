package io.spotifymate.ingestion.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.ingestion.fixtures.SharedDatasets;
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
                .isEqualTo(new CatalogRow.Rejected(1, "trackId 'spotify:track:nope' is not a Spotify track id"));
        assertThat(entry(rows.get(1)).trackId()).startsWith("local:track:");
        assertThat(read("uri,track,artist\n,Halo,\n").get(0)).isInstanceOf(CatalogRow.Rejected.class);
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
    void theWholeHitPredictorCatalogReadsWithoutRejections() throws IOException {
        Path dir = SharedDatasets.require("spotify-hit-predictor");
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
    }
}
