package io.spotifymate.stack.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A seeded, real-shaped music world for load tests and benchmarks: artists in clusters (a genre each), tracks whose
 * popularity follows Zipf's law, playlists of 20–200 tracks drawn mostly from one cluster, and the files users and
 * operators bring, written from it: Million Playlist Dataset slices, a catalog CSV in the Hit Predictor layout, and
 * extended and basic Spotify exports. Names carry the noise real files have ("feat.", "- Remastered 2011", "(Live)",
 * "- Radio Edit", accents, other casing) where a file of that kind has it.
 *
 * <p>The same seed and sizes give byte-identical files. Generating a million rows takes a few seconds.
 */
public final class ScaleCorpus {

    /** The artists' clusters; a playlist mostly keeps to one. */
    static final String[] GENRES = {
        "rock",
        "pop",
        "hip hop",
        "jazz",
        "electronic",
        "folk",
        "metal",
        "classical",
        "soul",
        "country",
        "reggae",
        "latin",
        "indie",
        "blues",
        "punk",
        "ambient"
    };

    private static final String[] SYLLABLES = {
        "la", "mo", "ri", "ka", "ven", "dor", "sol", "mi", "ta", "ber", "nu", "zel", "qua", "ro", "fin", "ga", "lis",
        "tor", "ae", "jo", "ré", "ñu", "ök", "us"
    };
    private static final String[] WORDS = {
        "night", "river", "golden", "heart", "city", "fire", "dream", "blue", "summer", "ghost", "electric", "wild",
        "love", "road", "silver", "rain", "echo", "midnight", "paper", "ocean", "stone", "light", "shadow", "home"
    };
    /** Zipf's exponent for track popularity; about 1 in real listening and playlist data. */
    private static final double ZIPF = 1.0;

    private final long seed;
    private final String[] artistNames;
    private final int[] artistGenre;
    private final String[] trackIds;
    private final String[] titles;
    private final int[] trackArtist;
    /** Tracks in popularity order: rank r is {@code byRank[r]}. */
    private final int[] byRank;
    /** Cumulative Zipf weights over ranks, for the whole catalog. */
    private final double[] zipfCdf;
    /** Each genre's tracks in popularity order. */
    private final int[][] genreTracks;

    private final double[][] genreCdf;

    /**
     * @param tracks distinct tracks in the world
     * @param artists distinct artists (each has at least one track when {@code artists <= tracks})
     */
    public ScaleCorpus(long seed, int tracks, int artists) {
        if (tracks < 1 || artists < 1) {
            throw new IllegalArgumentException("a corpus needs at least one track and one artist");
        }
        this.seed = seed;
        Random random = new Random(seed);
        artistNames = new String[artists];
        artistGenre = new int[artists];
        for (int a = 0; a < artists; a++) {
            artistNames[a] = artistName(random, a);
            artistGenre[a] = random.nextInt(GENRES.length);
        }
        trackIds = new String[tracks];
        titles = new String[tracks];
        trackArtist = new int[tracks];
        for (int t = 0; t < tracks; t++) {
            trackIds[t] = trackId(seed, t);
            titles[t] = title(random, t);
            // Some artists have many tracks, most a few: a skewed draw, but every artist gets its first track.
            trackArtist[t] =
                    t < artists ? t : (int) Math.min(artists - 1L, (long) (artists * Math.pow(random.nextDouble(), 2)));
        }
        byRank = shuffled(random, tracks);
        zipfCdf = zipfCdf(tracks);
        int[] genreSizes = new int[GENRES.length];
        for (int t = 0; t < tracks; t++) {
            genreSizes[artistGenre[trackArtist[t]]]++;
        }
        genreTracks = new int[GENRES.length][];
        genreCdf = new double[GENRES.length][];
        int[] filled = new int[GENRES.length];
        for (int g = 0; g < GENRES.length; g++) {
            genreTracks[g] = new int[genreSizes[g]];
            genreCdf[g] = zipfCdf(genreSizes[g]);
        }
        for (int rank = 0; rank < tracks; rank++) {
            int track = byRank[rank];
            int g = artistGenre[trackArtist[track]];
            genreTracks[g][filled[g]++] = track;
        }
    }

    public int trackCount() {
        return trackIds.length;
    }

    /** The Spotify URI of track {@code t}. */
    public String trackUri(int t) {
        return "spotify:track:" + trackIds[t];
    }

    public String title(int t) {
        return titles[t];
    }

    public String artist(int t) {
        return artistNames[trackArtist[t]];
    }

    public String genre(int t) {
        return GENRES[artistGenre[trackArtist[t]]];
    }

    /** A track drawn by popularity over the whole catalog. */
    public int popularTrack(Random random) {
        return byRank[draw(zipfCdf, random)];
    }

    /** Told each generated playlist: its pid and its track URIs in order. */
    @FunctionalInterface
    public interface PlaylistSink {
        void accept(int pid, List<String> trackUris);
    }

    /**
     * Million Playlist Dataset slices in one zip, {@code perSlice} playlists a file, {@code playlists} in all, with
     * 20–200 tracks each (most near the low end, as in the real dataset), 85% of them from the playlist's genre.
     *
     * @return the track rows written
     */
    public long writeMpdZip(OutputStream out, int playlists, int perSlice) throws IOException {
        return writeMpdZip(out, 0, playlists, perSlice, (pid, tracks) -> {});
    }

    /**
     * As {@link #writeMpdZip(OutputStream, int, int, int)}, with pids from {@code firstPid} on (so that two corpora of
     * one world do not replace each other's playlists), telling {@code sink} each playlist written.
     */
    public long writeMpdZip(OutputStream out, int firstPid, int playlists, int perSlice, PlaylistSink sink)
            throws IOException {
        Random random = new Random(seed ^ 0x6d7064L);
        long rows = 0;
        int end = firstPid + playlists;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int first = firstPid; first < end; first += perSlice) {
                int last = Math.min(end, first + perSlice) - 1;
                zip.putNextEntry(new ZipEntry("data/mpd.slice." + first + "-" + last + ".json"));
                Writer json = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                json.write("{\"info\": {\"generated_on\": \"2017-12-03 08:41:42.057563\", \"slice\": \"" + first + "-"
                        + last + "\", \"version\": \"v1\"}, \"playlists\": [");
                for (int pid = first; pid <= last; pid++) {
                    if (pid > first) {
                        json.write(",\n");
                    }
                    rows += writePlaylist(json, random, pid, sink);
                }
                json.write("]}");
                json.flush();
                zip.closeEntry();
            }
        }
        return rows;
    }

    private int writePlaylist(Writer json, Random random, int pid, PlaylistSink sink) throws IOException {
        int genre = random.nextInt(GENRES.length);
        int length = playlistLength(random);
        int[] tracks = new int[length];
        int count = 0;
        while (count < length) {
            int track = random.nextInt(100) < 85 && genreTracks[genre].length > 0
                    ? genreTracks[genre][draw(genreCdf[genre], random)]
                    : popularTrack(random);
            if (!contains(tracks, count, track)) {
                tracks[count++] = track;
            }
            if (count >= trackIds.length) {
                break;
            }
        }
        json.write("{\"name\": \"" + GENRES[genre] + " " + WORDS[random.nextInt(WORDS.length)]
                + "\", \"collaborative\": \"false\", \"pid\": " + pid + ", \"modified_at\": 1493424000, "
                + "\"num_tracks\": " + count + ", \"num_followers\": " + (1 + random.nextInt(20)) + ", \"tracks\": [");
        for (int pos = 0; pos < count; pos++) {
            int t = tracks[pos];
            if (pos > 0) {
                json.write(", ");
            }
            json.write("{\"pos\": " + pos + ", \"artist_name\": \"" + escape(artist(t))
                    + "\", \"track_uri\": \"" + trackUri(t) + "\", \"artist_uri\": \"spotify:artist:"
                    + trackId(seed ^ 0xa57L, trackArtist[t]) + "\", \"track_name\": \"" + escape(titles[t])
                    + "\", \"album_uri\": \"spotify:album:" + trackId(seed ^ 0xa1bL, t / 10)
                    + "\", \"duration_ms\": " + durationMs(t) + ", \"album_name\": \"" + escape(albumName(t)) + "\"}");
        }
        json.write("]}");
        List<String> uris = new ArrayList<>(count);
        for (int pos = 0; pos < count; pos++) {
            uris.add(trackUri(tracks[pos]));
        }
        sink.accept(pid, uris);
        return count;
    }

    /**
     * A catalog CSV in the Hit Predictor layout (header {@code track,artist,uri,danceability,...,target}) plus a
     * {@code genre} column, for the first {@code rows} tracks of the world, values seeded per track; where {@code rows}
     * exceeds the world, tracks repeat (a re-import of the same rows).
     */
    public void writeCatalogCsv(Writer out, int rows) throws IOException {
        writeCatalogCsv(out, rows, 0);
    }

    /**
     * As {@link #writeCatalogCsv(Writer, int)}, with the audio-feature cells of about {@code unmeasured} of the tracks
     * left empty (see {@link #unmeasured}), as catalogs merged from several sources have them.
     */
    public void writeCatalogCsv(Writer out, int rows, double unmeasured) throws IOException {
        out.write("track,artist,uri,danceability,energy,key,loudness,mode,speechiness,acousticness,"
                + "instrumentalness,liveness,valence,tempo,duration_ms,time_signature,chorus_hit,sections,target,"
                + "genre\n");
        for (int i = 0; i < rows; i++) {
            int t = i % trackIds.length;
            Random r = new Random(seed * 31 + t);
            out.write(csv(titles[t]) + ',' + csv(artist(t)) + ',' + trackUri(t) + ',');
            if (unmeasured(t, unmeasured)) {
                out.write(",,,,,,,,,,," + durationMs(t) + ",,,,," + csv(genre(t)) + "\n");
                continue;
            }
            out.write(String.format(
                    Locale.ROOT,
                    "%.3f,%.3f,%d,%.3f,%d,%.4f,%.3g,%.3g,%.4f,%.3f,%.3f,%d,4,%.5f,%d,%d,%s%n",
                    r.nextDouble(),
                    r.nextDouble(),
                    r.nextInt(12),
                    -30 + 30 * r.nextDouble(),
                    r.nextInt(2),
                    0.3 * r.nextDouble(),
                    r.nextDouble(),
                    r.nextDouble() < 0.7 ? 1e-6 * r.nextDouble() : r.nextDouble(),
                    r.nextDouble() * 0.5,
                    r.nextDouble(),
                    60 + 140 * r.nextDouble(),
                    durationMs(t),
                    20 + 40 * r.nextDouble(),
                    5 + r.nextInt(15),
                    r.nextInt(2),
                    csv(genre(t))));
        }
        out.flush();
    }

    /** Whether track t is among the {@code share} of tracks a catalog written with that share has no features for. */
    public boolean unmeasured(int t, double share) {
        return share > 0 && new Random(seed * 17 + t).nextDouble() < share;
    }

    /**
     * One listener's extended streaming history ({@code Streaming_History_Audio_*.json} in a zip) of {@code rows}
     * rows: music drawn by popularity with a personal bias towards two genres, about 1 in 50 rows a podcast episode.
     *
     * @return the music rows written
     */
    public long writeExtendedExportZip(OutputStream out, int rows, long listenerSeed) throws IOException {
        Random random = new Random(seed ^ listenerSeed);
        long music = 0;
        Instant start = Instant.parse("2015-01-01T00:00:00Z");
        int[] favourites = {random.nextInt(GENRES.length), random.nextInt(GENRES.length)};
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Spotify Extended Streaming History/Streaming_History_Audio_2015-2024.json"));
            Writer json = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            json.write('[');
            for (int i = 0; i < rows; i++) {
                if (i > 0) {
                    json.write(",\n");
                }
                Instant ts = start.plusSeconds(i * 180L + random.nextInt(60));
                json.write("{\"ts\":\"" + ts + "\",\"platform\":\"android\",\"ms_played\":" + random.nextInt(300_000)
                        + ",\"conn_country\":\"DE\",\"ip_addr\":\"203.0.113." + random.nextInt(255) + "\",");
                if (random.nextInt(50) == 0) {
                    writeEpisodeFields(json, i, trackId(seed ^ 0xe9L, i));
                } else {
                    music++;
                    int t = listenedTrack(random, favourites);
                    json.write("\"master_metadata_track_name\":\"" + escape(titles[t])
                            + "\",\"master_metadata_album_artist_name\":\"" + escape(artist(t))
                            + "\",\"master_metadata_album_album_name\":\"" + escape(albumName(t))
                            + "\",\"spotify_track_uri\":\"" + trackUri(t) + "\",\"episode_name\":null,"
                            + "\"episode_show_name\":null,\"spotify_episode_uri\":null,");
                }
                writeExtendedRowEnd(json, random);
            }
            json.write(']');
            json.flush();
            zip.closeEntry();
        }
        return music;
    }

    /** An extended-history row's fields for a podcast episode (null track fields), as the real files have them. */
    public static void writeEpisodeFields(Writer json, int episode, String episodeId) throws IOException {
        json.write("\"master_metadata_track_name\":null,\"master_metadata_album_artist_name\":null,"
                + "\"master_metadata_album_album_name\":null,\"spotify_track_uri\":null,"
                + "\"episode_name\":\"Episode " + episode + "\",\"episode_show_name\":\"Show\","
                + "\"spotify_episode_uri\":\"spotify:episode:" + episodeId + "\",");
    }

    /**
     * The rest of an extended-history row after its track or episode fields: no audiobook, how it started and ended
     * (a quarter ended with the forward button), shuffle, skipped (a quarter), online, not incognito; drawn from
     * {@code random} in that order.
     */
    public static void writeExtendedRowEnd(Writer json, Random random) throws IOException {
        json.write("\"audiobook_title\":null,\"audiobook_uri\":null,\"audiobook_chapter_uri\":null,"
                + "\"audiobook_chapter_title\":null,\"reason_start\":\"trackdone\",\"reason_end\":\""
                + (random.nextInt(4) == 0 ? "fwdbtn" : "trackdone") + "\",\"shuffle\":" + random.nextBoolean()
                + ",\"skipped\":" + (random.nextInt(4) == 0) + ",\"offline\":false,\"offline_timestamp\":0,"
                + "\"incognito_mode\":false}");
    }

    /**
     * One listener's basic account-data export ({@code StreamingHistory_music_0.json}): names only, minute-precision
     * end times, and the names as the app shows them — "feat." credits, remaster and edit suffixes, live versions and
     * other casing, which an import must resolve to the catalog's track.
     */
    public void writeBasicExport(Writer json, int rows, long listenerSeed) throws IOException {
        Random random = new Random(seed ^ listenerSeed ^ 0xba51cL);
        int[] favourites = {random.nextInt(GENRES.length), random.nextInt(GENRES.length)};
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        json.write("[\n");
        for (int i = 0; i < rows; i++) {
            int t = listenedTrack(random, favourites);
            String end = start.plusSeconds(i * 200L).toString().substring(0, 16).replace('T', ' ');
            json.write((i > 0 ? ",\n" : "") + "  {\n    \"endTime\" : \"" + end + "\",\n    \"artistName\" : \""
                    + escape(artist(t)) + "\",\n    \"trackName\" : \"" + escape(noisyTitle(random, t))
                    + "\",\n    \"msPlayed\" : "
                    + (random.nextInt(10) == 0 ? random.nextInt(30_000) : 30_000 + random.nextInt(240_000)) + "\n  }");
        }
        json.write("\n]\n");
        json.flush();
    }

    /** The title as a player or a playlist might show it: the catalog's title with the usual decorations. */
    public String noisyTitle(Random random, int t) {
        String title = titles[t];
        return switch (random.nextInt(10)) {
            case 0 -> title + " - Remastered " + (1995 + random.nextInt(25));
            case 1 -> title + " (feat. " + artistNames[random.nextInt(artistNames.length)] + ")";
            case 2 -> title + " - Radio Edit";
            case 3 -> title + " (Live)";
            case 4 -> title.toUpperCase(Locale.ROOT);
            default -> title;
        };
    }

    private int listenedTrack(Random random, int[] favourites) {
        int genre = favourites[random.nextInt(2)];
        return random.nextInt(100) < 70 && genreTracks[genre].length > 0
                ? genreTracks[genre][draw(genreCdf[genre], random)]
                : popularTrack(random);
    }

    private int durationMs(int t) {
        return 120_000 + (int) ((t * 2_654_435_761L) % 240_000);
    }

    private String albumName(int t) {
        return WORDS[(t / 10) % WORDS.length] + " " + WORDS[(t / 7 + 3) % WORDS.length];
    }

    /** 20–200, most near 20: a geometric tail like the real dataset's lengths. */
    private static int playlistLength(Random random) {
        return Math.min(200, 20 + (int) (-45 * Math.log(1 - random.nextDouble())));
    }

    private static String artistName(Random random, int a) {
        StringBuilder name = new StringBuilder();
        int parts = 2 + random.nextInt(2);
        for (int i = 0; i < parts; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        // Distinct by construction: many real artists share a first word, none share a whole name here.
        return (random.nextInt(3) == 0 ? "The " : "") + name + " " + Integer.toString(a, 36);
    }

    private static String title(Random random, int t) {
        String first = WORDS[random.nextInt(WORDS.length)];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1) + " " + WORDS[random.nextInt(WORDS.length)]
                + " " + Integer.toString(t, 36);
    }

    /** A valid, distinct 22-character base-62 id for each number under one seed. */
    static String trackId(long seed, int n) {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        char[] id = new char[22];
        long value = n;
        long salt = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 22; i++) {
            // Each position shifted by a salt of the seed: still one id per number, but other ids for another seed.
            int digit = (int) ((value % 62 + Math.floorMod(salt >>> (i * 2), 62)) % 62);
            id[i] = digits.charAt(digit);
            value /= 62;
        }
        return new String(id);
    }

    private static double[] zipfCdf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / Math.pow(rank + 1, ZIPF);
            cdf[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cdf[rank] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, Random random) {
        int found = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, found >= 0 ? found : -found - 1);
    }

    private static int[] shuffled(Random random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
