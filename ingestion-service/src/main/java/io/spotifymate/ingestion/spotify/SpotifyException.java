package io.spotifymate.ingestion.spotify;

/** Spotify could not be used: not configured, not connected, a refused call, or a rate limit too long to wait out. */
public class SpotifyException extends RuntimeException {

    private final int status;

    public SpotifyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public SpotifyException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status SpotifyMate answers with. */
    public int status() {
        return status;
    }
}
