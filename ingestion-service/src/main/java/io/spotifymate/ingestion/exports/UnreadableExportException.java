package io.spotifymate.ingestion.exports;

/** The file is not an export SpotifyMate can read, or breaks off; the message says where. */
public class UnreadableExportException extends RuntimeException {

    public UnreadableExportException(String message) {
        super(message);
    }

    public UnreadableExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
