package io.spotifymate.ingestion.spotify;

import io.spotifymate.events.TrackIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a playlist in a connected user's Spotify account: a private playlist under their Spotify id, then its
 * tracks in order, 100 a call as Spotify allows. Tracks without a Spotify id (local ids from exports without ids,
 * Last.fm) cannot be added and are listed as skipped. Calls go through {@link SpotifyClient}, so token refresh, rate
 * limits and back-off apply.
 */
@ApplicationScoped
public class SpotifyPlaylistExport {

    /** Spotify's limit of items per add call. */
    static final int ITEMS_PER_CALL = 100;

    private final SpotifyClient client;
    private final SpotifyTokens tokens;

    public SpotifyPlaylistExport(SpotifyClient client, SpotifyTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** What Spotify now has. */
    public record Exported(String spotifyPlaylistId, String url, int added, List<String> skipped) {}

    public Exported export(String userId, String name, String description, List<String> trackIds) {
        try {
            tokens.accessToken(userId);
        } catch (SpotifyException e) {
            if (e.status() == 404) {
                throw new SpotifyException(409, userId + " has not connected a Spotify account: connect it first");
            }
            throw e;
        }
        List<String> uris = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String trackId : trackIds) {
            if (TrackIds.isSpotify(trackId)) {
                uris.add(trackId);
            } else {
                skipped.add(trackId);
            }
        }
        SpotifyClient.Retries retries = new SpotifyClient.Retries();
        SpotifyModels.Me me = client.me(userId, retries);
        SpotifyModels.CreatedPlaylist created = client.createPlaylist(
                userId,
                me.id(),
                new SpotifyModels.NewPlaylist(name, description == null ? "Made with SpotifyMate" : description, false),
                retries);
        for (int from = 0; from < uris.size(); from += ITEMS_PER_CALL) {
            client.addItems(
                    userId, created.id(), uris.subList(from, Math.min(uris.size(), from + ITEMS_PER_CALL)), retries);
        }
        String url =
                created.externalUrls() == null ? null : created.externalUrls().get("spotify");
        return new Exported(created.id(), url, uris.size(), skipped);
    }
}
