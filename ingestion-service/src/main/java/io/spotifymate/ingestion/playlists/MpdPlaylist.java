package io.spotifymate.ingestion.playlists;

import io.spotifymate.events.PlaylistImported;
import java.util.List;

/**
 * A playlist read from a Million Playlist Dataset slice, before it becomes an event. Its tracks are already in the
 * event's form; the reduced track schema has no album or duration, which are null then.
 *
 * @param followers null when the slice does not say
 */
public record MpdPlaylist(long pid, String name, Integer followers, List<PlaylistImported.Entry> tracks) {}
