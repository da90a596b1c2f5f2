package io.spotifymate.ingestion.service;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every format SpotifyMate imports, registered here once. The order is the order an upload is offered to them in: the
 * first importer to say {@link Importer.Recognition#YES} takes it (a zip holding a history beside playlist slices is a
 * history), else the first to say {@link Importer.Recognition#FALLBACK}.
 */
final class Importers {

    private static final List<Importer> ALL =
            List.of(new HistoryImporter(), new CatalogImporter(), new MpdImporter(), new HetRecImporter());

    private static final Map<UploadKind, Importer> BY_KIND = byKind(ALL);

    private Importers() {}

    /** The importer of uploads of this kind. */
    static Importer of(UploadKind kind) {
        return BY_KIND.get(kind);
    }

    /**
     * The kind of an upload whose files look like {@code contents}, or empty when no importer reads it.
     *
     * @throws UploadRejectedException when an importer knows the format but cannot import the upload as it is
     */
    static Optional<UploadKind> recognise(Set<FileContent> contents, boolean archive, String fileName) {
        Importer fallback = null;
        for (Importer importer : ALL) {
            Importer.Recognition recognition = importer.recognise(contents, archive, fileName);
            if (recognition == Importer.Recognition.YES) {
                return Optional.of(importer.kind());
            }
            if (recognition == Importer.Recognition.FALLBACK && fallback == null) {
                fallback = importer;
            }
        }
        return Optional.ofNullable(fallback).map(Importer::kind);
    }

    private static Map<UploadKind, Importer> byKind(List<Importer> importers) {
        Map<UploadKind, Importer> byKind = new EnumMap<>(UploadKind.class);
        for (Importer importer : importers) {
            if (byKind.put(importer.kind(), importer) != null) {
                throw new IllegalStateException("Two importers read " + importer.kind());
            }
        }
        Set<UploadKind> missing = EnumSet.complementOf(EnumSet.copyOf(byKind.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No importer reads " + missing);
        }
        return byKind;
    }
}
