package io.spotifymate.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.TrackIds;
import io.spotifymate.events.TrackMatchKeys;
import io.spotifymate.events.datasets.SharedDatasets;
import io.spotifymate.ingestion.catalog.CatalogIndex;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.catalog.CatalogRow;
import io.spotifymate.ingestion.exports.ExportFormat;
import io.spotifymate.ingestion.exports.ExportReader;
import io.spotifymate.ingestion.exports.ExportRow;
import io.spotifymate.ingestion.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Plays of a basic export (names only) resolved to catalog tracks the way an import resolves them: the catalog read by
 * {@link CatalogReader} into a {@link CatalogIndex} as its import learns it, the export read by {@link ExportReader},
 * each play turned into its event by {@link PlayService#fromExport}. A small hand-written catalog checks every case
 * without the shared datasets; the Spotify Hit Predictor catalog, with a seeded sample of its own tracks played under
 * the names a player shows, gives the figure the README quotes.
 */
class PlayResolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT_FILE = "StreamingHistory_music_0.json";

    private final CatalogIndex catalog = new CatalogIndex();
    private final ImportEvents events = new ImportEvents(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final PlayService plays = new PlayService(null, catalog);
    /** For each catalogued Spotify id, the exact normalised keys of the rows that carry it (a few uris repeat). */
    private final Map<String, Set<String>> namesOf = new HashMap<>();
    /** What resolution was before loose keys: the exact normalised key, the first id to claim it. */
    private final Map<String, String> exactOnly = new HashMap<>();
    /** The catalog's Spotify rows as {title, artist}, in file order, for sampling. */
    private final List<String[]> catalogRows = new ArrayList<>();

    private static String id(int n) {
        return "spotify:track:" + Fixtures.trackId(n);
    }

    private static String exactKey(String artist, String title) {
        return TrackIds.normalise(artist) + TrackMatchKeys.SEPARATOR + TrackIds.normalise(title);
    }

    /** Reads a catalog file and learns its rows as an import of it does. */
    private void learnCatalog(Reader csv) throws IOException {
        new CatalogReader().read(csv, row -> {
            if (row instanceof CatalogRow.Entry entry && TrackIds.isSpotify(entry.trackId())) {
                TrackCataloged event = events.catalogEntry(entry);
                catalog.learn(event);
                String key = exactKey(entry.artistName(), entry.name());
                namesOf.computeIfAbsent(entry.trackId(), id -> new HashSet<>()).add(key);
                exactOnly.putIfAbsent(key, entry.trackId());
                catalogRows.add(new String[] {entry.name(), entry.artistName()});
            }
        });
    }

    /** A basic export of these (artist, title) plays, a minute apart. */
    private static byte[] basicExport(List<String[]> namePairs) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant end = Instant.parse("2024-01-01T00:00:00Z");
        for (String[] names : namePairs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("endTime", end.toString().substring(0, 16).replace('T', ' '));
            row.put("artistName", names[0]);
            row.put("trackName", names[1]);
            row.put("msPlayed", 200_000);
            rows.add(row);
            end = end.plusSeconds(60);
        }
        return JSON.writeValueAsBytes(rows);
    }

    /** The track id each play of the export gets, in file order. */
    private List<String> resolve(byte[] export) throws IOException {
        List<String> trackIds = new ArrayList<>();
        Optional<ExportFormat> format = new ExportReader().read(new ByteArrayInputStream(export), EXPORT_FILE, row -> {
            assertThat(row).isInstanceOf(ExportRow.Play.class);
            ExportRow.Play play = (ExportRow.Play) row;
            trackIds.add(
                    plays.fromExport("listener", play.play(), "spotify-export").trackId());
        });
        assertThat(format).contains(ExportFormat.SPOTIFY_BASIC);
        return trackIds;
    }

    @Test
    void aBasicExportsNoisyNamesResolveToTheirCatalogTrackAndOtherRecordingsKeepALocalId() throws IOException {
        learnCatalog(new StringReader("track,artist,uri\n"
                + "Don't Stop Me Now,Queen," + id(1) + "\n"
                + "Bohemian Rhapsody,Queen," + id(2) + "\n"
                + "The Boxer,Simon & Garfunkel," + id(3) + "\n"
                + "Otis,JAY-Z Featuring Kanye West," + id(4) + "\n"
                + "A Mutual Friend - 2006 Remastered Version,Wire," + id(5) + "\n"
                + "Hoppípolla,Sigur Rós," + id(6) + "\n"
                + "Get Lucky,Daft Punk," + id(7) + "\n"
                + "\"Lose Control (feat. Ciara & Fat Man Scoop)\",Missy Elliott," + id(8) + "\n"
                + "Halo,Beyoncé," + id(9) + "\n"
                + "Zombie Dance - Remastered,The Cramps," + id(10) + "\n"
                + "Hold On,Wilson Phillips," + id(11) + "\n"
                + "Una su tredici (seq. 4) - Mono,Stelvio Cipriani," + id(13) + "\n"
                + "Mr. Brightside,The Killers," + id(14) + "\n"
                + "Wild Things,Alessia Cara," + id(15) + "\n"));
        // artist, title as the export names them; the catalog track they are, or null for one it does not have.
        String[][] cases = {
            {"Queen", "Don't Stop Me Now - Remastered 2011", id(1)},
            {"QUEEN", "don't stop me now (Deluxe Edition)", id(1)},
            {"Queen", "Bohemian Rhapsody - Live at Wembley '86", null},
            {"Queen", "Bohemian Rhapsody (Live)", null},
            {"Simon & Garfunkel", "The Boxer", id(3)},
            {"Simon & Garfunkel", "The Boxer - Single Version", id(3)},
            {"JAY-Z", "Otis (feat. Kanye West)", id(4)},
            {"Wire", "A Mutual Friend", id(5)},
            {"Sigur Ros", "Hoppipolla - Radio Edit", id(6)},
            {"Daft Punk, Pharrell Williams", "Get Lucky (feat. Pharrell Williams & Nile Rodgers) - Radio Edit", id(7)},
            {"Daft Punk ft. Pharrell Williams", "Get Lucky", id(7)},
            {"Missy Elliott", "Lose Control (feat. Ciara & Fat Man Scoop)", id(8)},
            {"Missy Elliott", "Lose Control", id(8)},
            {"Beyoncé", "Halo [Bonus Track]", id(9)},
            {"Beyonce & Jay-Z", "Halo - Mono", id(9)},
            {"The Cramps", "Zombie Dance", id(10)},
            {"The Cramps", "Zombie Dance - 2011 Remaster", id(10)},
            {"Wilson Phillips", "Hold On (Acoustic)", null},
            {"Stelvio Cipriani", "Una su tredici (seq. 4)", id(13)},
            {"Stelvio Cipriani", "Una su tredici (seq. 5)", null},
            {"The Killers", "Mr. Brightside - Single Version", id(14)},
            {"Alessia Cara", "Wild Things (Remix)", null},
            {"Unknown Band", "Mr. Brightside", null},
        };
        List<String[]> names = new ArrayList<>();
        for (String[] c : cases) {
            names.add(new String[] {c[0], c[1]});
        }

        List<String> resolved = resolve(basicExport(names));

        int exactHits = 0;
        for (int i = 0; i < cases.length; i++) {
            String expected = cases[i][2] != null ? cases[i][2] : TrackIds.local(cases[i][0], cases[i][1]);
            assertThat(resolved.get(i)).as("%s / %s", cases[i][0], cases[i][1]).isEqualTo(expected);
            exactHits += cases[i][2] != null && cases[i][2].equals(exactOnly.get(exactKey(cases[i][0], cases[i][1])))
                    ? 1
                    : 0;
        }
        // Only the plays named exactly as the catalog names them resolved before.
        assertThat(exactHits).isEqualTo(2);
    }

    @Test
    void ninetyFivePercentOfNoisyPlaysOfTheHitPredictorCatalogResolveToTheRightTrack() throws IOException {
        Path dir = SharedDatasets.find(SharedDatasets.HIT_PREDICTOR).orElse(null);
        assumeThat(dir).as(SharedDatasets.missing(SharedDatasets.HIT_PREDICTOR)).isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("dataset-of-.*\\.csv"))
                    .sorted()
                    .toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    learnCatalog(reader);
                }
            }
        }
        assertThat(namesOf).as("the Hit Predictor's distinct uris").hasSizeGreaterThan(40_000);
        Random random = new Random(20_260_101L);
        NoisyNames noise = new NoisyNames(random, catalogRows);
        int sample = 5_000;
        List<String[]> played = new ArrayList<>();
        List<String[]> sources = new ArrayList<>();
        int noisy = 0;
        for (int i = 0; i < sample; i++) {
            String[] source = catalogRows.get(random.nextInt(catalogRows.size()));
            String[] names = random.nextBoolean() ? noise.decorate(source) : new String[] {source[1], source[0]};
            noisy += names[0].equals(source[1]) && names[1].equals(source[0]) ? 0 : 1;
            played.add(names);
            sources.add(source);
        }

        List<String> resolved = resolve(basicExport(played));

        int right = 0;
        int wrong = 0;
        int exactRight = 0;
        for (int i = 0; i < sample; i++) {
            String sourceKey = exactKey(sources.get(i)[1], sources.get(i)[0]);
            String trackId = resolved.get(i);
            if (namesOf.getOrDefault(trackId, Set.of()).contains(sourceKey)) {
                right++;
            } else if (TrackIds.isSpotify(trackId)) {
                wrong++;
            }
            String before = exactOnly.get(exactKey(played.get(i)[0], played.get(i)[1]));
            exactRight += before != null && namesOf.get(before).contains(sourceKey) ? 1 : 0;
        }
        // Live plays of studio tracks: the catalog's studio track is never what they resolve to.
        int live = 0;
        int liveTakenForStudio = 0;
        List<String[]> livePlays = new ArrayList<>();
        List<String[]> liveSources = new ArrayList<>();
        while (livePlays.size() < 500) {
            String[] source = catalogRows.get(random.nextInt(catalogRows.size()));
            if (!TrackIds.normalise(source[0]).contains("live")) {
                livePlays.add(new String[] {source[1], source[0] + (random.nextBoolean() ? " (Live)" : " - Live")});
                liveSources.add(source);
            }
        }
        List<String> liveResolved = resolve(basicExport(livePlays));
        for (int i = 0; i < livePlays.size(); i++) {
            live++;
            Set<String> names = namesOf.getOrDefault(liveResolved.get(i), Set.of());
            liveTakenForStudio +=
                    names.contains(exactKey(liveSources.get(i)[1], liveSources.get(i)[0])) ? 1 : 0;
        }

        System.out.printf(
                Locale.ROOT,
                "Hit Predictor catalog (%,d tracks), %,d plays (%,d with noisy names): %.1f%% resolved to the right "
                        + "track (exact key only: %.1f%%), %d to another track, %d kept by name; %d of %d live plays "
                        + "taken for the studio track%n",
                namesOf.size(),
                sample,
                noisy,
                100.0 * right / sample,
                100.0 * exactRight / sample,
                wrong,
                sample - right - wrong,
                liveTakenForStudio,
                live);
        assertThat(noisy).as("about half the plays carry noise").isBetween(2_200, 2_800);
        assertThat(right).as("plays resolved to the right track").isGreaterThanOrEqualTo(sample * 95 / 100);
        assertThat(wrong).as("plays resolved to another track").isLessThanOrEqualTo(sample / 100);
        assertThat(liveTakenForStudio).isZero();
    }

    /**
     * The names a player shows for a catalog track: release notes (remasters, edits, single, mono, bonus, deluxe),
     * featured-artist credits in the title or the artist, a Billboard "A Featuring B" credit turned into Spotify's "A"
     * and "Title (feat. B)", the catalog's own remaster note left off, other casing and accents. Written here rather
     * than taken from the test stack's {@code ScaleCorpus}, whose noise is bound to its generated world and counts
     * "(Live)" as the same track, which these rules keep apart.
     */
    private static final class NoisyNames {

        private final Random random;
        private final List<String[]> rows;

        NoisyNames(Random random, List<String[]> rows) {
            this.random = random;
            this.rows = rows;
        }

        /** {artist, title} with one or two kinds of noise. */
        String[] decorate(String[] source) {
            String title = source[0];
            String artist = source[1];
            int kinds = random.nextInt(4) == 0 ? 2 : 1;
            for (int k = 0; k < kinds; k++) {
                String guest = rows.get(random.nextInt(rows.size()))[1];
                int year = 1995 + random.nextInt(25);
                switch (random.nextInt(20)) {
                    case 0 -> title += " - Remastered " + year;
                    case 1 -> title += " - " + year + " Remaster";
                    case 2 -> title += " (Remastered)";
                    case 3 -> title += " (feat. " + guest + ")";
                    case 4 -> title += " [feat. " + guest + "]";
                    case 5 -> title += " - feat. " + guest;
                    case 6 -> title += " - Radio Edit";
                    case 7 -> title += " (Radio Edit)";
                    case 8 -> title += " - Single Version";
                    case 9 -> title += " - Mono";
                    case 10 -> title += " - Bonus Track";
                    case 11 -> title += " (Deluxe Edition)";
                    case 12 -> artist += " feat. " + guest;
                    case 13 -> artist += " ft. " + guest;
                    case 14 -> artist += ", " + guest;
                    case 15 -> artist += " & " + guest;
                    case 16 -> {
                        title = title.toUpperCase(Locale.ROOT);
                        artist = artist.toLowerCase(Locale.ROOT);
                    }
                    case 17 -> {
                        title = accented(title);
                        artist = withoutAccents(artist);
                    }
                    case 18 -> {
                        int featuring = artist.indexOf(" Featuring ");
                        if (featuring > 0) {
                            title += " (feat. " + artist.substring(featuring + 11) + ")";
                            artist = artist.substring(0, featuring);
                        } else {
                            title += " (feat. " + guest + ")";
                        }
                    }
                    default -> {
                        String plain = title.replaceFirst(
                                "(?i) - (\\d{4} )?(digital )?remaster(ed)?( \\d{4})?( version)?$", "");
                        title = plain.equals(title) ? title + " - Remastered" : plain;
                    }
                }
            }
            return new String[] {artist, title};
        }

        /** Vowels with accents, as a player in another locale or a hand-typed list may show them. */
        private static String accented(String text) {
            return text.replace('e', 'é').replace('a', 'à').replace('o', 'ö');
        }

        private static String withoutAccents(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        }
    }
}
