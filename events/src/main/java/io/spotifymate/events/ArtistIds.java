package io.spotifymate.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Artist identity, like {@link TrackIds}: a Spotify artist id when known ({@code spotify:artist:<22 base-62 chars>}),
 * otherwise a stable local id minted from the normalised name, so "Beyoncé" from Last.fm and "beyonce" from an export
 * are one artist.
 */
public final class ArtistIds {

    private static final Pattern SPOTIFY = Pattern.compile("spotify:artist:[0-9A-Za-z]{22}");

    private ArtistIds() {}

    public static boolean isSpotify(String artistId) {
        return artistId != null && SPOTIFY.matcher(artistId).matches();
    }

    /** {@code local:artist:<16 hex>} from the normalised name. */
    public static String local(String artistName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(TrackIds.normalise(artistName).getBytes(StandardCharsets.UTF_8));
            return "local:artist:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
