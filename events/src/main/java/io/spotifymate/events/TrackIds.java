package io.spotifymate.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Track identity. A Spotify track id when known ({@code spotify:track:<22 base-62 chars>}); otherwise a stable local id
 * minted from the normalised artist and title, so the same song from two sources gets the same id.
 */
public final class TrackIds {

    private static final String PREFIX = "spotify:track:";
    private static final Pattern BARE_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern TRACK_URL =
            Pattern.compile("https?://open\\.spotify\\.com/(?:intl-[a-z]+/)?track/([0-9A-Za-z]{22})(?:[?#/].*)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TrackIds() {}

    /** {@code spotify:track:} and 22 base-62 characters; checked by hand, as imports ask this once per row. */
    public static boolean isSpotify(String trackId) {
        if (trackId == null || trackId.length() != PREFIX.length() + 22 || !trackId.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < trackId.length(); i++) {
            char c = trackId.charAt(i);
            boolean base62 = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!base62) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Spotify track id a file refers to, in whichever form it uses: {@code spotify:track:<id>}, the bare 22-character
     * id, or an open.spotify.com track link (query and locale prefix allowed).
     */
    public static Optional<String> fromSpotifyReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String value = reference.strip();
        if (isSpotify(value)) {
            return Optional.of(value);
        }
        if (BARE_ID.matcher(value).matches()) {
            return Optional.of("spotify:track:" + value);
        }
        Matcher url = TRACK_URL.matcher(value);
        return url.matches() ? Optional.of("spotify:track:" + url.group(1)) : Optional.empty();
    }

    /** {@code local:track:<16 hex>} from the normalised (artist, title) pair. */
    public static String local(String artistName, String trackName) {
        String key = normalise(artistName) + "\u001f" + normalise(trackName);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "local:track:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower case, accents and punctuation dropped, runs of space collapsed: "Beyoncé " and "beyonce" match. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        // Most names are plain ASCII: the same result in one pass, without decomposing or running two patterns (this
        // runs for every row of an import, often more than once).
        StringBuilder ascii = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return normaliseUnicode(text);
            }
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!letterOrDigit) {
                gap = true;
                continue;
            }
            if (gap && !ascii.isEmpty()) {
                ascii.append(' ');
            }
            gap = false;
            ascii.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return ascii.toString();
    }

    /** The general case: accents and other marks dropped after compatibility decomposition, then as for ASCII. */
    static String normaliseUnicode(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
