package io.spotifymate.ingestion.spotify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Connecting a user's Spotify account. Without a client id and a token key, the product works fully from export files
 * and says so when a user tries to connect.
 */
@ConfigMapping(prefix = "spotifymate.spotify")
public interface SpotifyConfig {

    /** The app's client id (a public client: PKCE, no secret). */
    Optional<String> clientId();

    /** Where Spotify sends the user back; must be registered with the app. */
    @WithDefault("http://127.0.0.1:8081/api/spotify/callback")
    String redirectUri();

    /** Spotify's accounts service, for the authorize page (the token call goes through the REST client's URL). */
    @WithDefault("https://accounts.spotify.com")
    String accountsUrl();

    /** Base64 of 32 random bytes: the AES-256 key that encrypts tokens at rest. */
    Optional<String> tokenKey();

    /** What SpotifyMate asks the user to allow. */
    @WithDefault("user-read-recently-played user-library-read user-top-read playlist-modify-private")
    String scopes();

    /** How often connected users' recently played tracks are fetched (Spotify keeps only the last 50). */
    @WithDefault("15m")
    Duration pollInterval();

    /** How long a login may take between the redirect to Spotify and the callback. */
    @WithDefault("10m")
    Duration loginTimeout();

    /** Tries per call on 429 and 5xx answers, the first included. */
    @WithDefault("4")
    int maxAttempts();

    /** The first backoff after a 5xx answer; each further one doubles. */
    @WithDefault("1s")
    Duration backoff();

    /** The longest Retry-After SpotifyMate waits in place; longer ones end the sync with the time to come back. */
    @WithDefault("60s")
    Duration maxRetryAfter();

    /** Saved and top tracks fetched per backfill, at most. */
    @WithDefault("2000")
    int backfillLimit();
}
