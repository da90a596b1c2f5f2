package io.spotifymate.events.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HetRecReaderTest {

    private static final String FOLDER = "hetrec2011-lastfm-2k/";

    @TempDir
    Path temp;

    /**
     * A small HetRec 2011 zip: UTF-8 artists, ISO-8859-1 tags (as in the real tags.dat), CRLF data files, a tag
     * assignment of an artist that artists.dat does not list (as 0.8% of the real ones), and user_friends.dat.
     */
    private static void writeFixture(FixtureFile out) throws IOException {
        out.write(
                "user_artists.dat",
                StandardCharsets.US_ASCII,
                "\r\n",
                "userID\tartistID\tweight",
                "2\t51\t13883",
                "2\t52\t11690",
                "3\t52\t228",
                "3\t53\t5");
        out.write(
                "artists.dat",
                StandardCharsets.UTF_8,
                "\n",
                "id\tname\turl\tpictureURL",
                "51\tDuran Duran\thttp://www.last.fm/music/Duran+Duran\t",
                "52\tMorcheeba\thttp://www.last.fm/music/Morcheeba\thttp://userserve-ak.last.fm/serve/252/46.jpg",
                "53\tBeyoncé\thttp://www.last.fm/music/Beyonc%C3%A9\t");
        out.write(
                "tags.dat",
                StandardCharsets.ISO_8859_1,
                "\r\n",
                "tagID\ttagValue",
                "1\tnew wave",
                "2\ttrip-hop",
                "3\télectronique");
        out.write(
                "user_taggedartists.dat",
                StandardCharsets.US_ASCII,
                "\r\n",
                "userID\tartistID\ttagID\tday\tmonth\tyear",
                "2\t51\t1\t1\t4\t2009",
                "3\t51\t1\t1\t5\t2009",
                "2\t52\t2\t1\t4\t2009",
                "2\t52\t3\t1\t4\t2009",
                "4\t999\t1\t1\t1\t1956");
        out.write("user_friends.dat", StandardCharsets.US_ASCII, "\r\n", "userID\tfriendID", "2\t3", "3\t2");
    }

    @FunctionalInterface
    private interface FixtureFile {
        void write(String name, Charset charset, String newline, String... lines) throws IOException;
    }

    private static byte[] text(Charset charset, String newline, String... lines) {
        return (String.join(newline, lines) + newline).getBytes(charset);
    }

    private List<HetRecRow> readFixtureZip(List<String> ignored) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            writeFixture((name, charset, newline, lines) -> {
                zip.putNextEntry(new ZipEntry(FOLDER + name));
                zip.write(text(charset, newline, lines));
                zip.closeEntry();
            });
        }
        Path zipFile = temp.resolve("hetrec2011-lastfm-2k.zip");
        Files.write(zipFile, bytes.toByteArray());
        List<HetRecRow> rows = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            new HetRecReader().read(HetRecReader.filesIn(zip, UnaryOperator.identity(), ignored), rows::add);
        }
        return rows;
    }

    private Path fixtureFolder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("hetrec"));
        writeFixture(
                (name, charset, newline, lines) -> Files.write(folder.resolve(name), text(charset, newline, lines)));
        return folder;
    }

    @Test
    void artistsCarryTheirTagsMostUsedFirstDecodedFromLatin1() throws IOException {
        List<HetRecRow> rows = readFixtureZip(new ArrayList<>());

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
        List<HetRecRow> rows = readFixtureZip(ignored);

        assertThat(rows.stream().filter(HetRecRow.UserArtistPlays.class::isInstance))
                .map(HetRecRow.UserArtistPlays.class::cast)
                .extracting(
                        HetRecRow.UserArtistPlays::userId,
                        HetRecRow.UserArtistPlays::artistName,
                        HetRecRow.UserArtistPlays::plays)
                .containsExactly(
                        tuple("lastfm-2", "Duran Duran", 13_883L),
                        tuple("lastfm-2", "Morcheeba", 11_690L),
                        tuple("lastfm-3", "Morcheeba", 228L),
                        tuple("lastfm-3", "Beyoncé", 5L));
        assertThat(rows)
                .contains(new HetRecRow.Skipped(FOLDER + "user_taggedartists.dat", 5, HetRecReader.UNKNOWN_ARTIST));
        assertThat(rows).noneMatch(HetRecRow.Rejected.class::isInstance);
        assertThat(ignored).containsExactly(FOLDER + "user_friends.dat");
    }

    @Test
    void anUnpackedFolderReadsAsTheZipDoesWithTheDatasetsOwnIdsBesideTheMintedOnes() throws IOException {
        Map<HetRecReader.FileKind, HetRecReader.DataFile> files = HetRecReader.filesIn(fixtureFolder());
        List<HetRecRow> rows = new ArrayList<>();

        new HetRecReader().read(files, rows::add);

        assertThat(files).containsOnlyKeys(HetRecReader.FileKind.values());
        assertThat(rows)
                .filteredOn(HetRecRow.Tag.class::isInstance)
                .containsExactly(
                        new HetRecRow.Tag("tags.dat", 1, 1, "new wave"),
                        new HetRecRow.Tag("tags.dat", 2, 2, "trip-hop"),
                        new HetRecRow.Tag("tags.dat", 3, 3, "électronique"));
        assertThat(rows)
                .filteredOn(HetRecRow.ArtistTagged.class::isInstance)
                .containsExactly(
                        new HetRecRow.ArtistTagged("user_taggedartists.dat", 1, 51, 1),
                        new HetRecRow.ArtistTagged("user_taggedartists.dat", 2, 51, 1),
                        new HetRecRow.ArtistTagged("user_taggedartists.dat", 3, 52, 2),
                        new HetRecRow.ArtistTagged("user_taggedartists.dat", 4, 52, 3));
        assertThat(rows)
                .filteredOn(HetRecRow.UserArtistPlays.class::isInstance)
                .first()
                .isEqualTo(new HetRecRow.UserArtistPlays(
                        "user_artists.dat", 1, "lastfm-2", 51, ArtistIds.local("Duran Duran"), "Duran Duran", 13_883));
        assertThat((long) rows.size()).isEqualTo(HetRecReader.countRows(files));
    }

    @Test
    void badCellsAreRejectedNamingTheColumnAndTheRestIsStillRead() throws IOException {
        Path folder = fixtureFolder();
        Files.writeString(
                folder.resolve("user_artists.dat"), "userID\tartistID\tweight\nx\t51\t3\n2\t51\t-1\n2\t51\t7\n");
        List<HetRecRow> rows = new ArrayList<>();

        new HetRecReader().read(HetRecReader.filesIn(folder), rows::add);

        assertThat(rows)
                .filteredOn(HetRecRow.Rejected.class::isInstance)
                .containsExactly(
                        new HetRecRow.Rejected("user_artists.dat", 1, "userID and artistID must be numbers"),
                        new HetRecRow.Rejected("user_artists.dat", 2, "weight must be a play count (0 or more)"));
        assertThat(rows.stream().filter(HetRecRow.UserArtistPlays.class::isInstance))
                .map(HetRecRow.UserArtistPlays.class::cast)
                .extracting(HetRecRow.UserArtistPlays::plays)
                .containsExactly(7L);
    }

    @Test
    void withoutArtistsDatNothingIsReadAndTheReasonSaysWhatIsMissing() throws IOException {
        Path folder = fixtureFolder();
        Files.delete(folder.resolve("artists.dat"));
        List<HetRecRow> rows = new ArrayList<>();

        assertThatThrownBy(() -> new HetRecReader().read(HetRecReader.filesIn(folder), rows::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs artists.dat");
        assertThat(rows).isEmpty();
    }

    /** The real dataset, when the shared datasets folder is beside the project. */
    @Test
    void theRealDatasetReadsWithNoRejectionAndEveryRowAccountedFor() throws IOException {
        Path folder = sharedDataset("lastfm-hetrec2011");
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

    /** A real dataset read in place from {@code shared/datasets} beside the checkout; skipped where there is none. */
    private static Path sharedDataset(String name) {
        Optional<Path> dir = SharedDatasets.find(name);
        assumeThat(dir).as(SharedDatasets.missing(name)).isPresent();
        return dir.get();
    }
}
