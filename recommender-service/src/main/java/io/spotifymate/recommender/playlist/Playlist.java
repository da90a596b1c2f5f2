package io.spotifymate.recommender.playlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's playlist: the wishes it was made from and its tracks in order. */
@Entity
@Table(name = "playlist")
public class Playlist extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PlaylistSpec spec;

    @Column(name = "model_version")
    public String modelVersion;

    @Column(name = "spotify_playlist_id")
    public String spotifyPlaylistId;

    @Column(name = "spotify_exported_at")
    public Instant spotifyExportedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "playlist", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlaylistTrack> tracks = new ArrayList<>();

    /** The playlist if it is this user's; another user's playlist is as absent as a missing one. */
    public static Optional<Playlist> ofUser(String userId, UUID id) {
        return Playlist.<Playlist>findByIdOptional(id).filter(p -> p.userId.equals(userId));
    }

    public static List<Playlist> listOf(String userId) {
        return list("userId = ?1 order by updatedAt desc", userId);
    }
}
