package io.spotifymate.ingestion.service;

/**
 * An upload refused before any of it is imported: 415 when it is no format SpotifyMate reads (or not one for this
 * endpoint), 413 when it breaks a size limit, 422 when it is a known format but broken from its start.
 */
public class UploadRejectedException extends RuntimeException {

    private final int status;
    private final String title;

    public UploadRejectedException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    static UploadRejectedException unsupported(String detail) {
        return new UploadRejectedException(415, "Unsupported file", detail);
    }

    static UploadRejectedException tooLarge(String detail) {
        return new UploadRejectedException(413, "Upload too large", detail);
    }

    static UploadRejectedException unreadable(String detail) {
        return new UploadRejectedException(422, "Unreadable file", detail);
    }
}
