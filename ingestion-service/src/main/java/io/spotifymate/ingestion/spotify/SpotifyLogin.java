package io.spotifymate.ingestion.spotify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A login under way, found again by its state when Spotify sends the user back. */
@Entity
@Table(name = "spotify_login")
public class SpotifyLogin extends PanacheEntityBase {

    @Id
    public String state;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** Encrypted. */
    @Column(name = "code_verifier", nullable = false)
    public String codeVerifier;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
