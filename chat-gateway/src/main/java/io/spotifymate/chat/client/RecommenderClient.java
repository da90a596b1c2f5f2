package io.spotifymate.chat.client;

import io.spotifymate.chat.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls the recommender for the chat. Bounded in time and cut off by a circuit breaker when the recommender keeps
 * failing; reads are retried once. An empty result means "not reachable now" (or refused); only the Spotify export
 * throws, so that its caller can say why it failed.
 */
@ApplicationScoped
public class RecommenderClient {

    private static final Logger LOG = Logger.getLogger(RecommenderClient.class);

    private final RecommenderApi api;

    public RecommenderClient(@RestClient RecommenderApi api) {
        this.api = api;
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<RecommendationsView> recommend(Caller caller, RecommendationRequest request) {
        return Optional.of(timed(() -> api.recommendations(
                caller.bearer(),
                caller.userId(),
                request.k(),
                request.wishes().mood(),
                request.wishes().genre(),
                request.wishes().era(),
                request.wishes().energy(),
                request.wishes().tempo(),
                request.wishes().familiarity(),
                request.likeArtist())));
    }

    Optional<RecommendationsView> unavailable(Caller caller, RecommendationRequest request, Throwable failure) {
        LOG.warnf("Recommender unavailable for %s: %s", caller.userId(), failure.toString());
        return Optional.empty();
    }

    /** @return whether the recommender took it */
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "feedbackRefused")
    public boolean feedback(Caller caller, String kind, String target, String targetId) {
        timed(() ->
                api.feedback(caller.bearer(), caller.userId(), new RecommenderApi.Feedback(kind, target, targetId)));
        return true;
    }

    boolean feedbackRefused(Caller caller, String kind, String target, String targetId, Throwable failure) {
        LOG.warnf("Feedback of %s not taken: %s", caller.userId(), failure.toString());
        return false;
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "continuationUnavailable")
    public Optional<RecommendationsView> continueFrom(Caller caller, List<String> trackIds, int k) {
        return Optional.of(
                api.continueFrom(caller.bearer(), new RecommenderApi.Continuation(caller.userId(), trackIds, k)));
    }

    Optional<RecommendationsView> continuationUnavailable(
            Caller caller, List<String> trackIds, int k, Throwable failure) {
        LOG.warnf("Continuation unavailable for %s: %s", caller.userId(), failure.toString());
        return Optional.empty();
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "playlistUnavailable")
    public Optional<PlaylistView> createPlaylist(Caller caller, PlaylistRequest wishes) {
        return Optional.of(timed(() -> api.createPlaylist(caller.bearer(), caller.userId(), wishes)));
    }

    Optional<PlaylistView> playlistUnavailable(Caller caller, PlaylistRequest wishes, Throwable failure) {
        LOG.warnf("Playlist not made for %s: %s", caller.userId(), failure.toString());
        return Optional.empty();
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "searchUnavailable")
    public Optional<List<FoundTrack>> search(Caller caller, String query, int limit) {
        return Optional.of(timed(() -> api.search(caller.bearer(), query, limit)));
    }

    Optional<List<FoundTrack>> searchUnavailable(Caller caller, String query, int limit, Throwable failure) {
        LOG.warnf("Catalog search unavailable for %s: %s", caller.userId(), failure.toString());
        return Optional.empty();
    }

    /**
     * Changes one of the user's playlists: refreshes it (all new tracks with {@code fresh}) or, with a track id,
     * takes that track out.
     *
     * @return the playlist as it is now, or empty when it is not the user's or the recommender cannot be reached
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "changeRefused")
    public Optional<PlaylistView> changePlaylist(
            Caller caller, String playlistId, String removeTrackId, boolean fresh) {
        return Optional.of(timed(() -> removeTrackId == null
                ? api.refreshPlaylist(caller.bearer(), caller.userId(), playlistId, fresh)
                : api.removeFromPlaylist(caller.bearer(), caller.userId(), playlistId, removeTrackId)));
    }

    Optional<PlaylistView> changeRefused(
            Caller caller, String playlistId, String removeTrackId, boolean fresh, Throwable failure) {
        LOG.warnf("Playlist %s of %s not changed: %s", playlistId, caller.userId(), failure.toString());
        return Optional.empty();
    }

    /** Exports the playlist to the user's Spotify account; the failure's message when it could not. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public ExportedPlaylist exportPlaylist(Caller caller, String playlistId) {
        return timed(() -> api.exportPlaylist(caller.bearer(), caller.userId(), playlistId));
    }

    /** Runs one call to the recommender, counting its time as the turn's time downstream. */
    private static <T> T timed(java.util.function.Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            DownstreamTime.add(System.nanoTime() - started);
        }
    }
}
