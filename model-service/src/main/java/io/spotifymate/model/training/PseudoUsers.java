package io.spotifymate.model.training;

import io.spotifymate.access.UserAccess;

/**
 * Imported playlists as training rows. An installation with one to a hundred listeners has too few of them for
 * tracks to be similar by who played them; a public playlist corpus has tens of thousands of lists, each a set of
 * tracks somebody put together. Each playlist becomes a pseudo-user whose positives are its tracks at unit strength,
 * so item–item structure exists from the first round.
 *
 * <p>Pseudo-users shape the models but never face anyone: they are left out of every artifact's user rows, never count
 * as listeners, and are judged on only while too few real listeners are there to judge on. Their ids cannot collide
 * with a real user's: {@link UserAccess#USER_ID} allows no colon.
 */
public final class PseudoUsers {

    /** What a playlist's pseudo-user id starts with; the playlist id follows. */
    public static final String PREFIX = "playlist:";

    private PseudoUsers() {}

    /** The pseudo-user of a playlist. */
    public static String ofPlaylist(String playlistId) {
        return PREFIX + playlistId;
    }

    /** Whether the user id names a playlist rather than a listener. */
    public static boolean isPseudo(String userId) {
        return userId.startsWith(PREFIX);
    }

    /** Whether the user id is a real listener's: someone an artifact's user rows may hold. */
    public static boolean isListener(String userId) {
        return !isPseudo(userId);
    }
}
