package io.spotifymate.ingestion.exports;

/** One row of an export file and what became of it. Row numbers start at 1 and count every row of the file. */
public sealed interface ExportRow {

    int row();

    /** A music play, and the format of the file it came from. */
    record Play(int row, ExportFormat format, ExportedPlay play) implements ExportRow {}

    /** A row that is not music (a podcast episode, a video, an audiobook chapter): counted, not imported. */
    record Skipped(int row, Kind kind) implements ExportRow {}

    /** A row that could not be read; the reason names the field. */
    record Rejected(int row, String reason) implements ExportRow {}

    /** What a skipped row was. */
    enum Kind {
        PODCAST,
        VIDEO,
        AUDIOBOOK,
        UNKNOWN_MEDIA
    }
}
