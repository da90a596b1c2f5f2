package io.spotifymate.ingestion.exports;

import java.io.FilterInputStream;
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
     * @param format empty when the file is not a listening history
     * @param error why the file could not be read to its end, if it could not (its earlier rows were reported)
     */
    public record FileResult(String name, Optional<ExportFormat> format, Optional<String> error) {}

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
        List<FileResult> results = new ArrayList<>();
        Budget inflated = new Budget(limits.maxUncompressedBytes());
        int entries = 0;
        try (ZipInputStream archive = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new UnreadableExportException(
                            "The archive has more than " + limits.maxEntries() + " entries; that is not an export");
                }
                String name = entry.getName();
                if (entry.isDirectory() || !isJson(name)) {
                    continue;
                }
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                InputStream body = new EntryStream(archive, inflated);
                try {
                    results.add(new FileResult(
                            name, reader.read(body, fileName, row -> rows.accept(name, row)), Optional.empty()));
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
        if (entries == 0) {
            throw new UnreadableExportException("Not a zip archive, or an empty one");
        }
        return results;
    }

    private static boolean isJson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith("__macosx/") && (lower.endsWith(".json") || lower.endsWith(".jsonl"));
    }

    /** The inflated bytes all entries may still use. */
    private static final class Budget {
        private final long cap;
        private long used;

        Budget(long cap) {
            this.cap = cap;
        }

        void spend(int bytes) {
            used += bytes;
            if (used > cap) {
                throw new UnreadableExportException(
                        "The archive inflates to more than " + cap + " bytes; the limit is there to stop zip bombs");
            }
        }

        boolean exceeded() {
            return used > cap;
        }
    }

    /**
     * One entry's inflated bytes: counted against the budget, and not closable, so a reader closing "its" stream
     * does not close the archive under it.
     */
    private static final class EntryStream extends FilterInputStream {
        private final Budget budget;

        EntryStream(InputStream archive, Budget budget) {
            super(archive);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.spend(n);
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
