package io.spotifymate.ingestion.lastfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistIds;
import io.spotifymate.ingestion.exports.InflateBudget;
import io.spotifymate.ingestion.fixtures.Fixtures;
import io.spotifymate.ingestion.fixtures.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HetRecReaderTest {

    @TempDir
    Path temp;

    private List<HetRecRow> readFixture(List<String> ignored) throws IOException {
        Path zipFile = temp.resolve("hetrec2011-lastfm-2k.zip");
        Files.write(zipFile, Fixtures.hetRecZip());
        List<HetRecRow> rows = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            new HetRecReader().read(HetRecReader.filesIn(zip, new InflateBudget(1 << 20), ignored), rows::add);
        }
        return rows;
    }

    @Test
    void artistsCarryTheirTagsMostUsedFirstDecodedFromLatin1() throws IOException {
        List<HetRecRow> rows = readFixture(new ArrayList<>());

        List<HetRecRow.Artist> artists = rows.stream()
                .filter(HetRecRow.Artist.class::isInstance)
                .map(HetRecRow.Artist.class::cast)
                .toList();
        assertThat(artists).extracting(HetRecRow.Artist::name).containsExactly("Duran Duran", "Morcheeba", "Beyoncé");
        assertThat(artists.get(0).tags()).containsExactly(new ArtistCataloged.Tag("new wave", 2));
        assertThat(artists.get(1).tags())
                .containsExactlyInAnyOrder(
                        new ArtistCataloged.Tag("trip-hop", 1), new ArtistCataloged.Tag("électronique", 1));
        assertThat(artists.get(2).artistId()).isEqualTo(ArtistIds.local("beyonce"));
    }

    @Test
    void playCountsNameTheUserAndArtistAndUnknownArtistsAreExplainedSkips() throws IOException {
        List<String> ignored = new ArrayList<>();
        List<HetRecRow> rows = readFixture(ignored);

        assertThat(rows.stream().filter(HetRecRow.UserArtistPlays.class::isInstance))
                .map(HetRecRow.UserArtistPlays.class::cast)
                .extracting(
                        HetRecRow.UserArtistPlays::userId,
                        HetRecRow.UserArtistPlays::artistName,
                        HetRecRow.UserArtistPlays::plays)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lastfm-2", "Duran Duran", 13_883L),
                        org.assertj.core.groups.Tuple.tuple("lastfm-2", "Morcheeba", 11_690L),
                        org.assertj.core.groups.Tuple.tuple("lastfm-3", "Morcheeba", 228L),
                        org.assertj.core.groups.Tuple.tuple("lastfm-3", "Beyoncé", 5L));
        assertThat(rows)
                .contains(new HetRecRow.Skipped(
                        "hetrec2011-lastfm-2k/user_taggedartists.dat", 5, HetRecReader.UNKNOWN_ARTIST));
        assertThat(rows).noneMatch(HetRecRow.Rejected.class::isInstance);
        assertThat(ignored).containsExactly("hetrec2011-lastfm-2k/user_friends.dat");
    }

    /** The real dataset, when the shared datasets folder is beside the project. */
    @Test
    void theRealDatasetReadsWithNoRejectionAndEveryRowAccountedFor() throws IOException {
        Path folder = SharedDatasets.require("lastfm-hetrec2011");
        Map<HetRecReader.FileKind, HetRecReader.DataFile> files = HetRecReader.filesIn(folder);
        List<HetRecRow> rows = new ArrayList<>();

        new HetRecReader().read(files, rows::add);

        Map<Class<?>, Long> byOutcome =
                rows.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(byOutcome.get(HetRecRow.Rejected.class)).as("rejected rows").isNull();
        assertThat(byOutcome.get(HetRecRow.Artist.class)).isEqualTo(17_632L);
        assertThat(byOutcome.get(HetRecRow.UserArtistPlays.class)).isEqualTo(92_834L);
        assertThat((long) rows.size()).isEqualTo(HetRecReader.countRows(files));
        // Skips are explained: tag assignments of artists that artists.dat does not list (about 0.8%).
        long unknown = rows.stream()
                .filter(row -> row instanceof HetRecRow.Skipped skipped
                        && skipped.kind().equals(HetRecReader.UNKNOWN_ARTIST))
                .count();
        assertThat(byOutcome.getOrDefault(HetRecRow.Skipped.class, 0L)).isEqualTo(unknown);
        assertThat(unknown).isBetween(1L, 186_479L / 50);
    }
}
