package io.spotifymate.ingestion.exports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the export files inside a zip as Spotify delivers them ({@code my_spotify_data.zip},
 * {@code my_spotify_extended_streaming_history.zip}), streaming entry by entry. Files that are not listening histories
 * are listed as ignored. Safe against zip bombs: the number of entries and the bytes actually inflated are capped,
 * whatever the archive claims about itself.
 */
public final class ExportArchive {

    /**
     * Caps for one archive.
     *
     * @param maxEntries entries of any kind, folders included
     * @param maxUncompressedBytes bytes inflated over all entries
     */
    public record Limits(int maxEntries, long maxUncompressedBytes) {}

    /**
     * What became of one file in the archive.
     *
     * @param format the format the file was read as; empty when it is not one the reader knows
     * @param error why the file could not be read to its end, if it could not (its earlier rows were reported)
     */
    public record FileResult(String name, Optional<String> format, Optional<String> error) {}

    /** Reads one file of an archive and tells its format, or empty when it is not one it knows. */
    @FunctionalInterface
    public interface EntryReader {
        Optional<String> read(String name, String fileName, InputStream body) throws IOException;
    }

    private final ExportReader reader;
    private final Limits limits;

    public ExportArchive(ExportReader reader, Limits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /**
     * Reads every JSON file of the archive; each row goes to {@code rows} with its file's name.
     *
     * @throws UnreadableExportException when the archive breaks a limit or is not a zip
     */
    public List<FileResult> read(InputStream zip, BiConsumer<String, ExportRow> rows) throws IOException {
        return readEntries(
                zip,
                (name, fileName, body) -> reader.read(body, fileName, row -> rows.accept(name, row))
                        .map(ExportFormat::name));
    }

    /**
     * Hands every JSON file of the archive to {@code entries}, in archive order. A file that breaks off is reported
     * with its error and the next file is read; a broken limit or a broken archive ends the reading.
     *
     * @throws UnreadableExportException when the archive breaks a limit or is not a zip
     */
    public List<FileResult> readEntries(InputStream zip, EntryReader entries) throws IOException {
        List<FileResult> results = new ArrayList<>();
        InflateBudget inflated = new InflateBudget(limits.maxUncompressedBytes());
        int count = 0;
        try (ZipInputStream archive = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (++count > limits.maxEntries()) {
                    throw new UnreadableExportException(
                            "The archive has more than " + limits.maxEntries() + " entries; that is not an export");
                }
                String name = entry.getName();
                if (entry.isDirectory() || !isJson(name)) {
                    continue;
                }
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                InputStream body = inflated.guardEntry(archive);
                try {
                    results.add(new FileResult(name, entries.read(name, fileName, body), Optional.empty()));
                } catch (UnreadableExportException e) {
                    if (inflated.exceeded()) {
                        throw e;
                    }
                    results.add(new FileResult(name, Optional.empty(), Optional.of(e.getMessage())));
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnreadableExportException("Not a readable zip archive: " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new UnreadableExportException("Not a zip archive, or an empty one");
        }
        return results;
    }

    private static boolean isJson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith("__macosx/") && (lower.endsWith(".json") || lower.endsWith(".jsonl"));
    }
}
