package io.spotifymate.recommender.playlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One track at its place in a playlist, with what it was picked for. */
@Entity
@Table(name = "playlist_track")
public class PlaylistTrack extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "playlist_id")
    public Playlist playlist;

    @Column(nullable = false)
    public int position;

    @Column(name = "track_id", nullable = false)
    public String trackId;

    public String name;

    @Column(name = "artist_name")
    public String artistName;

    @Column(name = "duration_ms")
    public Integer durationMs;

    public Double energy;

    public String reason;
}
