package io.spotifymate.ingestion.spotify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's connected Spotify account; both tokens encrypted. */
@Entity
@Table(name = "spotify_connection")
public class SpotifyConnection extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "access_token", nullable = false)
    public String accessToken;

    @Column(name = "refresh_token", nullable = false)
    public String refreshToken;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public String scope;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    /** Unix milliseconds of the newest recently-played item already published. */
    @Column(name = "recently_played_after")
    public Long recentlyPlayedAfter;

    @Column(name = "backfilled_at")
    public Instant backfilledAt;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    @Column(name = "last_sync_error")
    public String lastSyncError;
}
