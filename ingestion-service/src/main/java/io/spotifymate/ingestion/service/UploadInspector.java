package io.spotifymate.ingestion.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spotifymate.events.datasets.HetRecReader;
import io.spotifymate.events.datasets.TextDecoding;
import io.spotifymate.ingestion.catalog.CatalogReader;
import io.spotifymate.ingestion.config.ImportConfig;
import io.spotifymate.ingestion.exports.ExportReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Looks at an upload when it arrives, before a job is queued, and tells what it is from its content: what each file
 * looks like (a JSON file by its first row's fields, a text table by its header; a zip file by file) is offered to the
 * {@link Importers}, and the one whose format it is takes it. What SpotifyMate cannot read, or what is over a limit,
 * is refused at once with the reason, so a user does not wait for a job to fail.
 */
@ApplicationScoped
public class UploadInspector {

    /** Enough of a file to see its first row, whatever the format. */
    private static final int HEAD_BYTES = 64 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final ImportConfig config;

    public UploadInspector(ImportConfig config) {
        this.config = config;
    }

    /**
     * What the upload is.
     *
     * @throws UploadRejectedException 413, 415 or 422 with the reason
     */
    public UploadKind inspect(Path upload, String fileName) throws IOException {
        long size = Files.size(upload);
        if (size > config.maxUploadBytes()) {
            throw UploadRejectedException.tooLarge(fileName + " has " + size + " bytes; uploads may have at most "
                    + config.maxUploadBytes() + " (spotifymate.import.max-upload-bytes)");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(upload)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return inspectZip(upload, fileName);
        }
        return Importers.recognise(EnumSet.of(classify(head, fileName)), false, fileName)
                .orElseThrow(() -> UploadRejectedException.unsupported(fileName
                        + " is not a format SpotifyMate reads: " + describe(head)
                        + ". Send a Spotify export (zip or JSON), a ListenBrainz export, a catalog CSV, Million "
                        + "Playlist Dataset slices or the Last.fm HetRec zip"));
    }

    private UploadKind inspectZip(Path upload, String fileName) throws IOException {
        Set<FileContent> found = EnumSet.noneOf(FileContent.class);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(upload.toFile())) {
            if (zip.size() > config.maxZipEntries()) {
                throw UploadRejectedException.tooLarge(fileName + " has " + zip.size() + " entries; an archive may "
                        + "have at most " + config.maxZipEntries() + " (spotifymate.import.max-zip-entries)");
            }
            long declared = 0;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                // What the archive claims; the readers also count what really inflates.
                declared += Math.max(0, entry.getSize());
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                names.add(entry.getName());
                byte[] head;
                try (InputStream in = zip.getInputStream(entry)) {
                    head = in.readNBytes(HEAD_BYTES);
                } catch (ZipException e) {
                    throw UploadRejectedException.unreadable(
                            fileName + ": entry " + entry.getName() + " cannot be inflated: " + e.getMessage());
                }
                found.add(classify(head, entry.getName()));
            }
            if (declared > config.maxUncompressedBytes()) {
                throw UploadRejectedException.tooLarge(fileName + " inflates to " + declared + " bytes; the limit is "
                        + config.maxUncompressedBytes() + " (spotifymate.import.max-uncompressed-bytes)");
            }
        } catch (ZipException e) {
            throw UploadRejectedException.unreadable(fileName + " is not a readable zip archive: " + e.getMessage());
        }
        return Importers.recognise(found, true, fileName)
                .orElseThrow(() -> UploadRejectedException.unsupported(fileName
                        + " holds no listening history, playlist slice or Last.fm HetRec file; its files: "
                        + String.join(", ", names.subList(0, Math.min(20, names.size())))
                        + (found.contains(FileContent.CATALOG_CSV) ? ". Upload catalog CSV files one by one" : "")));
    }

    /** What a file is, from its first bytes. */
    static FileContent classify(byte[] head, String name) {
        String text = decodeHead(head);
        String start = text.stripLeading();
        if (start.startsWith("[") || start.startsWith("{")) {
            return classifyJson(start);
        }
        if (looksBinary(text)) {
            return FileContent.OTHER;
        }
        String firstLine = start.lines().findFirst().orElse("");
        var hetrec = HetRecReader.FileKind.ofHeader(firstLine);
        if (hetrec.isPresent()) {
            return hetrec.get() == HetRecReader.FileKind.ARTISTS
                    ? FileContent.HETREC_ARTISTS
                    : FileContent.HETREC_OTHER;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".dat") || firstLine.contains("\t")) {
            return FileContent.OTHER;
        }
        try {
            // Only the header decides; the rows of the head are read and dropped.
            new CatalogReader().read(new StringReader(firstLine), row -> {});
            return FileContent.CATALOG_CSV;
        } catch (CatalogReader.NotACatalogException | IOException e) {
            return FileContent.OTHER;
        }
    }

    /** A JSON file by its first row's field names (an array of rows, JSON lines, or a slice object). */
    private static FileContent classifyJson(String start) {
        Set<String> fields = new LinkedHashSet<>();
        try (JsonParser parser = JSON.createParser(start)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                JsonToken row = parser.nextToken();
                if (row == JsonToken.END_ARRAY) {
                    return FileContent.EMPTY_JSON;
                }
                if (row != JsonToken.START_OBJECT) {
                    return FileContent.OTHER;
                }
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (fields.isEmpty() && first == JsonToken.START_OBJECT && field.equals("info")) {
                    return FileContent.MPD_SLICE;
                }
                if (fields.isEmpty() && first == JsonToken.START_OBJECT && field.equals("playlists")) {
                    // A slice without its info block, or Spotify's own Playlist1.json: slices number playlists.
                    return firstPlaylistHasPid(parser) ? FileContent.MPD_SLICE : FileContent.OTHER;
                }
                fields.add(field);
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            // The head ends inside the first row, or the JSON is broken there: decide on the fields seen.
        }
        return ExportReader.detect(fields).isPresent() ? FileContent.EXPORT : FileContent.OTHER;
    }

    private static boolean firstPlaylistHasPid(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.currentName().equals("pid")) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    /** The head as text: UTF-16 when it starts with that byte-order mark, else UTF-8 (bad bytes replaced). */
    private static String decodeHead(byte[] head) {
        boolean utf16 = head.length >= 2
                && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                        || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
        return TextDecoding.withoutBom(new String(head, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8));
    }

    private static boolean looksBinary(String text) {
        long control = text.chars()
                .filter(c -> c == 0 || c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                .count();
        return control > text.length() / 20 + 1;
    }

    private static String describe(byte[] head) {
        String text = decodeHead(head).strip();
        if (text.isEmpty()) {
            return "it is empty";
        }
        if (looksBinary(text)) {
            return "it is binary data";
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            return "it is JSON, but its first row has none of the fields of a known export";
        }
        String line = text.lines().findFirst().orElse("");
        return "its first line is '" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'";
    }
}
