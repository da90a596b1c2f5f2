package io.spotifymate.events.datasets;

import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistIds;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the Last.fm HetRec 2011 dataset (Cantador, Brusilovsky and Kuflik, 2011; tab-separated {@code .dat} files with
 * a header line): artists with the tags users gave them, and users' total plays per artist. The one reader of it:
 * ingestion imports it as events, model-service's comparison reads it in memory, and both see the same rows, ids and
 * rejections. Files are recognised by their header, not their name, and decoded by {@link TextDecoding}
 * ({@code tags.dat} is ISO-8859-1, the others UTF-8). Artists are read first so that plays and tags can name them; the
 * tag assignments are aggregated per artist in memory (the dataset's size, not a user's upload, bounds this).
 */
public final class HetRecReader {

    /**
     * Prefix of the SpotifyMate user ids of the dataset's users: {@code lastfm-2} is HetRec user 2, in the events an
     * import sends, in the feature store and in a comparison alike.
     */
    public static final String USER_PREFIX = "lastfm-";
    /** Tags kept per artist, most used first. */
    static final int TAGS_PER_ARTIST = 20;
    /** Skipped-row kind: a tag assignment or play of an artist that artists.dat does not list. */
    public static final String UNKNOWN_ARTIST = "UNKNOWN_ARTIST";
    /** Skipped-row kind: a tag assignment whose tag tags.dat does not list. */
    public static final String UNKNOWN_TAG = "UNKNOWN_TAG";

    /** The files read, by their header line. {@code user_friends.dat} is not used. */
    public enum FileKind {
        ARTISTS("id", "name", "url", "pictureURL"),
        TAGS("tagID", "tagValue"),
        USER_TAGGED_ARTISTS("userID", "artistID", "tagID", "day", "month", "year"),
        USER_ARTISTS("userID", "artistID", "weight");

        private final List<String> header;

        FileKind(String... header) {
            this.header = List.of(header);
        }

        /** The kind whose header this line is, if any. */
        public static Optional<FileKind> ofHeader(String line) {
            if (line == null) {
                return Optional.empty();
            }
            List<String> columns = List.of(TextDecoding.withoutBom(line).strip().split("\t"));
            for (FileKind kind : values()) {
                if (kind.header.equals(columns)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** One file of the dataset, by name, openable as often as needed. */
    public record DataFile(String name, TextDecoding.Reopenable content) {}

    /**
     * Reads the dataset.
     *
     * @param files the recognised files; artists.dat is required, the others are optional
     * @throws IllegalArgumentException when artists.dat is missing
     */
    public void read(Map<FileKind, DataFile> files, Consumer<HetRecRow> rows) throws IOException {
        DataFile artistsFile = files.get(FileKind.ARTISTS);
        if (artistsFile == null) {
            throw new IllegalArgumentException(
                    "A Last.fm HetRec import needs artists.dat (id, name, url, pictureURL) to name the artists");
        }
        Map<Integer, Artist> artists = new HashMap<>();
        List<HetRecRow> artistRejections = new ArrayList<>();
        lines(artistsFile, (row, cells) -> {
            Integer id = integer(cells, 0);
            if (id == null || cells.length < 2 || cells[1].isBlank()) {
                artistRejections.add(new HetRecRow.Rejected(
                        artistsFile.name(), row, id == null ? "id is not a number" : "name is missing"));
            } else {
                artists.put(id, new Artist(row, cells[1].strip()));
            }
        });
        Map<Integer, String> tags = new HashMap<>();
        DataFile tagsFile = files.get(FileKind.TAGS);
        if (tagsFile != null) {
            lines(tagsFile, (row, cells) -> {
                Integer id = integer(cells, 0);
                if (id == null || cells.length < 2 || cells[1].isBlank()) {
                    rows.accept(new HetRecRow.Rejected(
                            tagsFile.name(), row, id == null ? "tagID is not a number" : "tagValue is missing"));
                } else {
                    String name = cells[1].strip();
                    tags.put(id, name);
                    rows.accept(new HetRecRow.Tag(tagsFile.name(), row, id, name));
                }
            });
        }
        DataFile tagged = files.get(FileKind.USER_TAGGED_ARTISTS);
        if (tagged != null) {
            lines(tagged, (row, cells) -> {
                Integer artistId = integer(cells, 1);
                Integer tagId = integer(cells, 2);
                if (integer(cells, 0) == null || artistId == null || tagId == null) {
                    rows.accept(
                            new HetRecRow.Rejected(tagged.name(), row, "userID, artistID and tagID must be numbers"));
                } else if (!artists.containsKey(artistId)) {
                    rows.accept(new HetRecRow.Skipped(tagged.name(), row, UNKNOWN_ARTIST));
                } else if (!tags.containsKey(tagId)) {
                    rows.accept(new HetRecRow.Skipped(tagged.name(), row, UNKNOWN_TAG));
                } else {
                    artists.get(artistId).tagCounts.merge(tagId, 1, Integer::sum);
                    rows.accept(new HetRecRow.ArtistTagged(tagged.name(), row, artistId, tagId));
                }
            });
        }
        artistRejections.forEach(rows);
        artists.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparingInt(artist -> artist.row)))
                .forEach(entry -> rows.accept(entry.getValue().toRow(artistsFile.name(), entry.getKey(), tags)));
        DataFile plays = files.get(FileKind.USER_ARTISTS);
        if (plays != null) {
            lines(plays, (row, cells) -> {
                Integer userId = integer(cells, 0);
                Integer artistId = integer(cells, 1);
                Long weight = cells.length > 2 ? longValue(cells[2]) : null;
                if (userId == null || artistId == null) {
                    rows.accept(new HetRecRow.Rejected(plays.name(), row, "userID and artistID must be numbers"));
                } else if (weight == null || weight < 0) {
                    rows.accept(new HetRecRow.Rejected(plays.name(), row, "weight must be a play count (0 or more)"));
                } else if (!artists.containsKey(artistId)) {
                    rows.accept(new HetRecRow.Skipped(plays.name(), row, UNKNOWN_ARTIST));
                } else {
                    Artist artist = artists.get(artistId);
                    rows.accept(new HetRecRow.UserArtistPlays(
                            plays.name(), row, USER_PREFIX + userId, artistId, artist.id, artist.name, weight));
                }
            });
        }
    }

    /**
     * The HetRec files of a zip, by their header line; other files go to {@code ignored}.
     *
     * @param guard wraps each entry's stream as it is opened to be read (a zip-bomb guard counting what it inflates)
     */
    public static Map<FileKind, DataFile> filesIn(ZipFile zip, UnaryOperator<InputStream> guard, List<String> ignored)
            throws IOException {
        Map<FileKind, DataFile> files = new EnumMap<>(FileKind.class);
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.isDirectory()) {
                continue;
            }
            Optional<FileKind> kind = FileKind.ofHeader(firstLine(() -> zip.getInputStream(entry)));
            if (kind.isPresent() && !files.containsKey(kind.get())) {
                files.put(kind.get(), new DataFile(entry.getName(), () -> guard.apply(zip.getInputStream(entry))));
            } else {
                ignored.add(entry.getName());
            }
        }
        return files;
    }

    /** The HetRec files of an unpacked dataset folder, by their header line. */
    public static Map<FileKind, DataFile> filesIn(Path folder) throws IOException {
        Map<FileKind, DataFile> files = new EnumMap<>(FileKind.class);
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                Optional<FileKind> kind = FileKind.ofHeader(firstLine(() -> Files.newInputStream(file)));
                if (kind.isPresent()) {
                    files.putIfAbsent(
                            kind.get(), new DataFile(file.getFileName().toString(), () -> Files.newInputStream(file)));
                }
            }
        }
        return files;
    }

    private static String firstLine(TextDecoding.Reopenable content) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(content.open(), StandardCharsets.ISO_8859_1))) {
            return reader.readLine();
        }
    }

    /** Data rows of all the given files, for progress totals. */
    public static long countRows(Map<FileKind, DataFile> files) throws IOException {
        long rows = 0;
        for (DataFile file : files.values()) {
            rows += countDataLines(file);
        }
        return rows;
    }

    /**
     * Lines after the header that hold more than white space, as {@link #read} reports them, by a scan of the bytes
     * (the files are tab-separated ASCII, UTF-8 or ISO-8859-1: a line break is always the byte 10). A UTF-16 file is
     * read as text instead.
     */
    private static long countDataLines(DataFile file) throws IOException {
        try (InputStream in = new BufferedInputStream(file.content().open(), 64 * 1024)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                long[] rows = {0};
                lines(file, (row, cells) -> rows[0]++);
                return rows[0];
            }
            byte[] buffer = new byte[64 * 1024];
            long lines = 0;
            boolean content = false;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
            lines += content ? 1 : 0;
            // The header line is not a row.
            return Math.max(0, lines - 1);
        }
    }

    @FunctionalInterface
    private interface LineHandler {
        void line(int row, String[] cells);
    }

    private static void lines(DataFile file, LineHandler handler) throws IOException {
        Charset charset = TextDecoding.detect(file.content());
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(file.content().open(), charset), 64 * 1024)) {
            reader.readLine();
            int row = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                handler.line(row, line.split("\t", -1));
            }
        }
    }

    private static Integer integer(String[] cells, int index) {
        Long value = index < cells.length ? longValue(cells[index]) : null;
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    private static Long longValue(String cell) {
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class Artist {
        private final int row;
        private final String name;
        /** Minted once: every play count of the artist names it. */
        private final String id;

        private final Map<Integer, Integer> tagCounts = new HashMap<>();

        Artist(int row, String name) {
            this.row = row;
            this.name = name;
            this.id = ArtistIds.local(name);
        }

        HetRecRow.Artist toRow(String file, int lastfmId, Map<Integer, String> tagNames) {
            List<ArtistCataloged.Tag> top = tagCounts.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(entry -> tagNames.get(entry.getKey())))
                    .limit(TAGS_PER_ARTIST)
                    .map(entry -> new ArtistCataloged.Tag(tagNames.get(entry.getKey()), entry.getValue()))
                    .toList();
            return new HetRecRow.Artist(file, row, lastfmId, id, name, top);
        }
    }
}
