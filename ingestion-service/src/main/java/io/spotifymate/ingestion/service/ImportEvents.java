package io.spotifymate.ingestion.service;

import io.spotifymate.events.ArtistCataloged;
import io.spotifymate.events.ArtistPlaysCounted;
import io.spotifymate.events.EventIds;
import io.spotifymate.events.PlaylistImported;
import io.spotifymate.events.TrackCataloged;
import io.spotifymate.events.datasets.HetRecRow;
import io.spotifymate.ingestion.catalog.CatalogRow;
import io.spotifymate.ingestion.playlists.MpdPlaylist;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The events that catalog and dataset rows become. Every event id is derived from the row's content, so importing the
 * same file again sends the same events and consumers count them once.
 */
public final class ImportEvents {

    static final String MPD = "mpd";
    static final String LASTFM_HETREC = "lastfm-hetrec";
    static final String CATALOG_CSV = "catalog-csv";

    private final Clock clock;

    public ImportEvents(Clock clock) {
        this.clock = clock;
    }

    public TrackCataloged catalogEntry(CatalogRow.Entry entry) {
        return track(
                entry.trackId(),
                entry.name(),
                entry.artistName(),
                entry.albumName(),
                entry.durationMs(),
                entry.releaseYear(),
                entry,
                CATALOG_CSV);
    }

    /** A catalog entry for a playlist track: metadata only, the slices have no audio features. */
    TrackCataloged catalogEntry(PlaylistImported.Entry track) {
        return track(
                track.trackId(),
                track.trackName(),
                track.artistName(),
                track.albumName(),
                track.durationMs(),
                null,
                null,
                MPD);
    }

    /** A catalog entry with metadata only, from a source without audio features (the Spotify Web API). */
    public TrackCataloged metadataEntry(
            String trackId, String name, String artist, String album, Long durationMs, Integer year, String source) {
        return track(trackId, name, artist, album, durationMs, year, null, source);
    }

    private TrackCataloged track(
            String trackId,
            String name,
            String artist,
            String album,
            Long durationMs,
            Integer year,
            CatalogRow.Entry features,
            String source) {
        var audio = features == null ? null : features.audioFeatures();
        List<String> genres = features == null ? List.of() : features.genres();
        return new TrackCataloged(
                EventIds.fromContent(
                        "catalog",
                        trackId,
                        name,
                        artist,
                        album,
                        String.valueOf(durationMs),
                        String.valueOf(year),
                        String.valueOf(audio),
                        String.join("|", genres)),
                clock.instant(),
                TrackCataloged.SCHEMA_VERSION,
                trackId,
                name,
                artist,
                album,
                durationMs,
                year,
                audio,
                genres,
                source);
    }

    PlaylistImported playlist(MpdPlaylist playlist) {
        List<PlaylistImported.Entry> tracks = playlist.tracks();
        String playlistId = "mpd:" + playlist.pid();
        return new PlaylistImported(
                EventIds.fromContent(
                        "playlist",
                        playlistId,
                        playlist.name(),
                        String.valueOf(playlist.followers()),
                        tracks.stream().map(PlaylistImported.Entry::trackId).collect(Collectors.joining("|"))),
                clock.instant(),
                PlaylistImported.SCHEMA_VERSION,
                playlistId,
                playlist.name(),
                null,
                playlist.followers(),
                tracks,
                MPD);
    }

    ArtistCataloged artist(HetRecRow.Artist artist) {
        return new ArtistCataloged(
                EventIds.fromContent(
                        "artist",
                        artist.artistId(),
                        artist.name(),
                        artist.tags().stream()
                                .map(tag -> tag.name() + "=" + tag.count())
                                .collect(Collectors.joining("|"))),
                clock.instant(),
                ArtistCataloged.SCHEMA_VERSION,
                artist.artistId(),
                artist.name(),
                artist.tags(),
                LASTFM_HETREC);
    }

    ArtistPlaysCounted artistPlays(HetRecRow.UserArtistPlays plays) {
        return new ArtistPlaysCounted(
                EventIds.fromContent(
                        "artist-plays", plays.userId(), plays.artistId(), Long.toString(plays.plays()), LASTFM_HETREC),
                clock.instant(),
                ArtistPlaysCounted.SCHEMA_VERSION,
                plays.userId(),
                plays.artistId(),
                plays.artistName(),
                plays.plays(),
                LASTFM_HETREC);
    }
}
