package io.spotifymate.ingestion.spotify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls the Spotify Web API for a user, the way Spotify asks clients to behave: a 401 refreshes the token once and
 * tries again; a 429 waits the {@code Retry-After} seconds Spotify names (up to a limit, beyond which the sync stops
 * and says when to come back); a 5xx or a broken connection backs off exponentially. Other errors are not retried.
 */
@ApplicationScoped
public class SpotifyClient {

    private static final Logger LOG = Logger.getLogger(SpotifyClient.class);
    /** Spotify's page size limit for these endpoints. */
    public static final int PAGE = 50;

    /** Retries a sync needed, for its report. */
    public static final class Retries {
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger tokenRefreshes = new AtomicInteger();
    }

    private final SpotifyWebApi api;
    private final SpotifyTokens tokens;
    private final SpotifyConfig config;

    public SpotifyClient(@RestClient SpotifyWebApi api, SpotifyTokens tokens, SpotifyConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.config = config;
    }

    public SpotifyModels.RecentlyPlayed recentlyPlayed(String userId, Long afterMs, Retries retries) {
        return call(userId, bearer -> api.recentlyPlayed(bearer, PAGE, afterMs), retries);
    }

    public SpotifyModels.Page<SpotifyModels.SavedTrack> savedTracks(String userId, int offset, Retries retries) {
        return call(userId, bearer -> api.savedTracks(bearer, PAGE, offset), retries);
    }

    public SpotifyModels.Page<SpotifyModels.Track> topTracks(
            String userId, String timeRange, int offset, Retries retries) {
        return call(userId, bearer -> api.topTracks(bearer, timeRange, PAGE, offset), retries);
    }

    public SpotifyModels.Track track(String userId, String spotifyId, Retries retries) {
        return call(userId, bearer -> api.track(bearer, spotifyId), retries);
    }

    public SpotifyModels.Me me(String userId, Retries retries) {
        return call(userId, api::me, retries);
    }

    public SpotifyModels.CreatedPlaylist createPlaylist(
            String userId, String spotifyUserId, SpotifyModels.NewPlaylist playlist, Retries retries) {
        return call(userId, bearer -> api.createPlaylist(bearer, spotifyUserId, playlist), retries);
    }

    public SpotifyModels.Snapshot addItems(String userId, String playlistId, List<String> uris, Retries retries) {
        return call(userId, bearer -> api.addItems(bearer, playlistId, new SpotifyModels.PlaylistItems(uris)), retries);
    }

    <T> T call(String userId, Function<String, T> request, Retries retries) {
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            String token = tokens.accessToken(userId);
            try {
                return request.apply("Bearer " + token);
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 401 && !refreshed) {
                    // The token expired early or was revoked: one refresh, then the same call again.
                    tokens.refresh(userId);
                    retries.tokenRefreshes.incrementAndGet();
                    refreshed = true;
                    continue;
                }
                if (status == 429 && ++attempt < config.maxAttempts()) {
                    Duration wait = retryAfter(e);
                    if (wait.compareTo(config.maxRetryAfter()) > 0) {
                        throw new SpotifyException(
                                429, "Spotify asks to wait " + wait.toSeconds() + " s before the next call", e);
                    }
                    retries.rateLimited.incrementAndGet();
                    LOG.infof("Spotify rate limit for %s: waiting %d s as Retry-After says", userId, wait.toSeconds());
                    pause(wait);
                    continue;
                }
                if (status >= 500 && ++attempt < config.maxAttempts()) {
                    retries.serverErrors.incrementAndGet();
                    pause(config.backoff().multipliedBy(1L << (attempt - 1)));
                    continue;
                }
                throw new SpotifyException(
                        status == 401 || status == 403 ? 401 : 502,
                        "Spotify answered " + status + " to " + describe(e) + body(e),
                        e);
            } catch (ProcessingException e) {
                if (++attempt < config.maxAttempts()) {
                    retries.serverErrors.incrementAndGet();
                    pause(config.backoff().multipliedBy(1L << (attempt - 1)));
                    continue;
                }
                throw new SpotifyException(503, "Spotify cannot be reached: " + e.getMessage(), e);
            }
        }
    }

    /** Retry-After in seconds, as Spotify sends it; one second when it is missing or unreadable. */
    private static Duration retryAfter(WebApplicationException e) {
        String header = e.getResponse().getHeaderString("Retry-After");
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (RuntimeException unreadable) {
            return Duration.ofSeconds(1);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SpotifyException(503, "Interrupted while waiting to call Spotify again");
        }
    }

    private static String describe(WebApplicationException e) {
        return e.getMessage() == null ? "a request" : "a request (" + e.getMessage() + ")";
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse().hasEntity() ? ": " + e.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
