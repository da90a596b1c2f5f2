package io.spotifymate.model.training;

import io.spotifymate.events.TrackIds;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Listeners of a public corpus that counts plays per artist (Last.fm HetRec) as pseudo-users, like imported playlists:
 * each becomes the set of the catalog's most listened tracks ({@link #TRACKS_PER_ARTIST}) of every artist they played
 * that the catalog has. Such a corpus knows no tracks, so what it adds is artist–artist structure: the tracks of
 * artists the same people play end up near each other, from the first round, without any playlist.
 *
 * <p>Artists are matched by their normalised name (a corpus's artist ids are its own). Built from the catalog as it
 * is read, about 100 bytes per catalog artist.
 */
public final class CorpusListeners {

    /** Tracks an artist stands for: a few, so one prolific artist does not outweigh a listener's others. */
    public static final int TRACKS_PER_ARTIST = 3;

    /** What a corpus listener's pseudo-user id (a playlist's, see {@link PseudoUsers}) starts with. */
    public static final String PREFIX = "corpus-listener/";

    private record Best(String[] ids, int[] listeners) {}

    private final Map<String, Best> byArtist = new HashMap<>();

    /** A catalog track: it may stand for its artist if few are listened to more (ties go to the smaller id). */
    public void catalogTrack(String trackId, String artistName, int listeners) {
        if (artistName == null || artistName.isBlank()) {
            return;
        }
        Best best = byArtist.computeIfAbsent(
                TrackIds.normalise(artistName),
                a -> new Best(new String[TRACKS_PER_ARTIST], new int[TRACKS_PER_ARTIST]));
        int at = TRACKS_PER_ARTIST;
        while (at > 0 && better(trackId, listeners, best.ids()[at - 1], best.listeners()[at - 1])) {
            at--;
        }
        if (at == TRACKS_PER_ARTIST) {
            return;
        }
        for (int i = TRACKS_PER_ARTIST - 1; i > at; i--) {
            best.ids()[i] = best.ids()[i - 1];
            best.listeners()[i] = best.listeners()[i - 1];
        }
        best.ids()[at] = trackId;
        best.listeners()[at] = listeners;
    }

    private static boolean better(String id, int listeners, String thanId, int thanListeners) {
        return thanId == null || listeners > thanListeners || (listeners == thanListeners && id.compareTo(thanId) < 0);
    }

    /** The tracks a corpus listener of these artists stands for: the union of each known artist's tracks. */
    public List<String> tracksOf(Collection<String> artistNames) {
        LinkedHashSet<String> tracks = new LinkedHashSet<>();
        for (String artist : artistNames) {
            Best best = artist == null ? null : byArtist.get(TrackIds.normalise(artist));
            if (best != null) {
                for (String id : best.ids()) {
                    if (id != null) {
                        tracks.add(id);
                    }
                }
            }
        }
        return List.copyOf(tracks);
    }

    /** The id under which a corpus listener joins the training data as a playlist does. */
    public static String pseudoUserId(String corpusUserId) {
        return PREFIX + corpusUserId;
    }
}
