package io.spotifymate.stack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ScaleCorpusTest {

    private static final Pattern TRACK_URI = Pattern.compile("\"track_uri\": \"(spotify:track:[0-9A-Za-z]{22})\"");
    private static final Pattern NUM_TRACKS = Pattern.compile("\"num_tracks\": (\\d+)");

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
        assertThat(mpd(new ScaleCorpus(7, 2_000, 300), 50)).isEqualTo(mpd(new ScaleCorpus(7, 2_000, 300), 50));
        assertThat(mpd(new ScaleCorpus(8, 2_000, 300), 50)).isNotEqualTo(mpd(new ScaleCorpus(7, 2_000, 300), 50));
    }

    @Test
    void playlistsHoldTwentyToTwoHundredDistinctTracksWithZipfSkewedPopularity() throws IOException {
        ScaleCorpus corpus = new ScaleCorpus(11, 20_000, 2_000);
        String slices = mpd(corpus, 500);
        Matcher lengths = NUM_TRACKS.matcher(slices);
        int playlists = 0;
        while (lengths.find()) {
            assertThat(Integer.parseInt(lengths.group(1))).isBetween(20, 200);
            playlists++;
        }
        assertThat(playlists).isEqualTo(500);
        Map<String, Integer> listings = new HashMap<>();
        Matcher uris = TRACK_URI.matcher(slices);
        long rows = 0;
        while (uris.find()) {
            listings.merge(uris.group(1), 1, Integer::sum);
            rows++;
        }
        // A long tail, as in real playlists: the most listed 1% of tracks hold a large share of all rows.
        int top = listings.values().stream()
                .sorted((a, b) -> b - a)
                .limit(200)
                .mapToInt(Integer::intValue)
                .sum();
        assertThat((double) top / rows).isGreaterThan(0.15);
        assertThat(listings.size()).isGreaterThan(5_000);
    }

    @Test
    void trackIdsAreDistinctSpotifyUris() {
        ScaleCorpus corpus = new ScaleCorpus(3, 50_000, 5_000);
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < corpus.trackCount(); t++) {
            assertThat(corpus.trackUri(t)).matches("spotify:track:[0-9A-Za-z]{22}");
            ids.add(corpus.trackUri(t));
        }
        assertThat(ids).hasSize(50_000);
    }

    @Test
    void aBasicExportNamesTracksWithTheNoiseRealPlayersAdd() throws IOException {
        ScaleCorpus corpus = new ScaleCorpus(5, 5_000, 500);
        StringWriter out = new StringWriter();
        corpus.writeBasicExport(out, 2_000, 1);
        String json = out.toString();
        assertThat(json).contains("\"endTime\" : \"2024-01-01 00:00\"");
        assertThat(json).contains(" - Remastered ", "(feat. ", " - Radio Edit", "(Live)");
        Random random = new Random(1);
        assertThat(corpus.noisyTitle(random, 0)).containsIgnoringCase(corpus.title(0));
    }

    @Test
    void aCatalogCsvHasOneRowPerTrackWithTheHitPredictorColumns() throws IOException {
        ScaleCorpus corpus = new ScaleCorpus(5, 1_000, 100);
        StringWriter out = new StringWriter();
        corpus.writeCatalogCsv(out, 1_000);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1_001);
        assertThat(lines[0]).startsWith("track,artist,uri,danceability,energy,key,");
        assertThat(lines[1]).contains(corpus.trackUri(0));
    }

    private static String mpd(ScaleCorpus corpus, int playlists) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        corpus.writeMpdZip(bytes, playlists, 100);
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            while (zip.getNextEntry() != null) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
