package io.spotifymate.events;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loose keys that match a play's names to a catalog track when the exact normalised names ({@link TrackIds#normalise})
 * differ only by the decorations players and catalogs add. Exports and catalogs name one recording in many ways:
 * "Song - Remastered 2011", "Song - 2011 Remaster", "Song (feat. X)", "Song [feat. X]", "Song - Radio Edit", "Song -
 * Single Version", "Song - Mono", "Song - Bonus Track", "Song (Deluxe Edition)"; artists as "A feat. B", "A ft. B", "A,
 * B" or "A &amp; B" where the other side lists only "A".
 *
 * <p>What counts as the same recording, for our purposes: a remaster, a radio or single edit, a single, album, mono or
 * stereo version, a bonus track, a deluxe or anniversary edition, an explicit or clean version, and a featured-artist
 * credit. Those decorations are dropped. A live recording, an acoustic, demo, instrumental or remixed one is a
 * different recording and its decoration is kept, so "Song (Live)" never matches a catalog that holds only the studio
 * "Song": a live play is better kept by name than counted as the studio track. Decorations are the parts of a title
 * in brackets, after a spaced dash (" - ", " – ", " — "), or, within those, between " / ": the title's own words are
 * never dropped ("Radio Ga Ga" and "Mono" stay whole), only an unbracketed "feat." / "ft." / "featuring" credit is cut
 * from them.
 *
 * <p>These keys are for matching only: ids ({@link TrackIds#local}) keep using the exact names, so ids already stored
 * never change. They run for every play an import cannot match exactly; a title without a bracket, a dash or a credit
 * (most of them) costs one scan on top of {@link TrackIds#normalise}. The steps that look them up, in their order, are
 * {@link TrackNameMatch}'s.
 */
public final class TrackMatchKeys {

    /** Between the artist and the title of a key, as in the exact key: no normalised name contains it. */
    public static final char SEPARATOR = '\u001f';

    /** Words that say how a recording was released, edited or mastered, not which recording it is. */
    private static final Set<String> RELEASE_WORDS = Set.of(
            "version",
            "versao",
            "edit",
            "radio",
            "single",
            "album",
            "lp",
            "mono",
            "stereo",
            "bonus",
            "track",
            "deluxe",
            "edition",
            "expanded",
            "anniversary",
            "special",
            "explicit",
            "clean",
            "original",
            "mix",
            "digital",
            "digitally");
    /**
     * Words that name another recording (in the languages of the catalogs we see): a decoration that has one is kept
     * even beside a remaster note ("Live / Remastered").
     */
    private static final Set<String> RECORDING_WORDS = Set.of(
            "live",
            "vivo",
            "directo",
            "directe",
            "concert",
            "acoustic",
            "acustico",
            "unplugged",
            "remix",
            "demo",
            "instrumental",
            "session",
            "sessions",
            "take",
            "rehearsal",
            "karaoke");
    /** A decoration that starts with one of these is a credit for a featured artist. */
    private static final Set<String> CREDIT_WORDS = Set.of("feat", "ft", "featuring");
    /** Within a bracket or after a dash: further decorations. */
    private static final Pattern SUB_DECORATION = Pattern.compile(" [-\u2013\u2014/] ");

    private TrackMatchKeys() {}

    /**
     * The loose key of a play or catalog entry: the primary artist ({@link #primaryArtist}) and the title without the
     * decorations of the same recording ({@link #title}), both normalised.
     */
    public static String matchKey(String artistName, String trackName) {
        return TrackIds.normalise(primaryArtist(artistName)) + SEPARATOR + title(trackName);
    }

    /**
     * The first artist a credit names: "A feat. B", "A ft. B", "A featuring B", "A, B", "A; B", "A &amp; B", "A / B"
     * and "A x B" give "A". Some single artists look like lists ("Simon &amp; Garfunkel", "Earth, Wind &amp; Fire"):
     * match the full artist first and fall back to this one.
     */
    public static String primaryArtist(String artistName) {
        if (artistName == null) {
            return "";
        }
        int end = artistName.length();
        for (int i = 1; i < artistName.length(); i++) {
            char c = artistName.charAt(i);
            if (c == ',' || c == ';') {
                end = i;
                break;
            }
            if (c == ' ' && creditAt(artistName, i)) {
                end = i;
                break;
            }
        }
        String primary = artistName.substring(0, end).strip();
        return primary.isEmpty() ? artistName.strip() : primary;
    }

    private static boolean creditAt(String text, int space) {
        return text.startsWith(" & ", space)
                || text.startsWith(" / ", space)
                || text.startsWith(" x ", space)
                || text.regionMatches(true, space, " feat. ", 0, 7)
                || text.regionMatches(true, space, " feat ", 0, 6)
                || text.regionMatches(true, space, " ft. ", 0, 5)
                || text.regionMatches(true, space, " ft ", 0, 4)
                || text.regionMatches(true, space, " featuring ", 0, 11);
    }

    /**
     * The normalised title without the decorations of the same recording: "Don't Stop Me Now - Remastered 2011",
     * "Don't Stop Me Now (feat. X) [2011 Remaster]" and "DON'T STOP ME NOW" all give "don t stop me now"; "Song
     * (Live)" and "Song - Live / Remastered" give "song live". A title that is nothing but decorations keeps them.
     */
    public static String title(String trackName) {
        if (trackName == null) {
            return "";
        }
        if (!decorated(trackName)) {
            return TrackIds.normalise(trackName);
        }
        StringBuilder key = new StringBuilder(trackName.length());
        StringBuilder run = new StringBuilder();
        boolean afterDash = false;
        int n = trackName.length();
        for (int i = 0; i < n; i++) {
            char c = trackName.charAt(i);
            if (c == '(' || c == '[') {
                flush(run, afterDash, key);
                int close = closing(trackName, i);
                String inside = trackName.substring(i + 1, Math.min(close, n));
                if (inside.indexOf(" / ") < 0 && !decorated(inside)) {
                    decoration(inside, key);
                } else {
                    for (String part : SUB_DECORATION.split(inside)) {
                        decoration(part, key);
                    }
                }
                i = close;
            } else if (isDash(c)
                    && i > 0
                    && trackName.charAt(i - 1) == ' '
                    && i + 1 < n
                    && trackName.charAt(i + 1) == ' ') {
                flush(run, afterDash, key);
                afterDash = true;
            } else if (c == '/'
                    && afterDash
                    && trackName.charAt(i - 1) == ' '
                    && i + 1 < n
                    && trackName.charAt(i + 1) == ' ') {
                flush(run, true, key);
            } else {
                run.append(c);
            }
        }
        flush(run, afterDash, key);
        return key.isEmpty() ? TrackIds.normalise(trackName) : key.toString();
    }

    /** Whether the title has a bracket, a dash or a credit: the rest (most titles) normalise as they are. */
    private static boolean decorated(String title) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '(' || c == '[' || isDash(c)) {
                return true;
            }
            if (c == ' '
                    && (title.regionMatches(true, i, " feat", 0, 5) || title.regionMatches(true, i, " ft.", 0, 4))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** The index of the bracket closing the one at {@code open} (nested ones counted), or the end of the title. */
    private static int closing(String title, int open) {
        int depth = 0;
        for (int i = open; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && --depth == 0) {
                return i;
            }
        }
        return title.length();
    }

    /** Ends a run of plain text: the title's own words (less a trailing credit), or a decoration after a dash. */
    private static void flush(StringBuilder run, boolean afterDash, StringBuilder key) {
        if (run.isEmpty()) {
            return;
        }
        if (afterDash) {
            decoration(run.toString(), key);
        } else {
            append(key, TrackIds.normalise(withoutCredit(run.toString())));
        }
        run.setLength(0);
    }

    /** "Song feat. X" without brackets: the credit is cut, the words before it stay. */
    private static String withoutCredit(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' '
                    && (text.regionMatches(true, i, " feat. ", 0, 7)
                            || text.regionMatches(true, i, " ft. ", 0, 5)
                            || text.regionMatches(true, i, " featuring ", 0, 11))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /**
     * Adds what a decoration says about the recording: nothing for a credit, a remaster note or a release note;
     * otherwise its words less the release words ("Live Version" → "live", "Acoustic" → "acoustic").
     */
    private static void decoration(String text, StringBuilder key) {
        String normalised = TrackIds.normalise(text);
        if (normalised.isEmpty()) {
            return;
        }
        String[] words = normalised.split(" ");
        if (CREDIT_WORDS.contains(words[0])) {
            return;
        }
        boolean remaster = false;
        boolean otherRecording = false;
        int end = words.length;
        for (int w = 0; w < words.length; w++) {
            if (w > 0 && (words[w].equals("feat") || words[w].equals("featuring"))) {
                end = w;
                break;
            }
            remaster |= words[w].startsWith("remaster");
            otherRecording |= RECORDING_WORDS.contains(words[w]);
        }
        if (remaster && !otherRecording) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        boolean dropped = false;
        boolean onlyDates = true;
        for (int w = 0; w < end; w++) {
            String word = words[w];
            if (word.startsWith("remaster") || RELEASE_WORDS.contains(word)) {
                dropped = true;
                continue;
            }
            onlyDates &= isDate(word);
            append(kept, word);
        }
        // "2011 Version", "25th Anniversary Edition": the year belongs to the release note. "Part 2" stays whole.
        if (dropped && onlyDates) {
            return;
        }
        append(key, kept.toString());
    }

    /** A year ("1967") or an ordinal ("25th"), which a release note may carry. */
    private static boolean isDate(String word) {
        int digits = 0;
        while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
            digits++;
        }
        if (digits == word.length()) {
            return digits == 4 && (word.startsWith("19") || word.startsWith("20"));
        }
        String suffix = word.substring(digits);
        return digits > 0 && (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th"));
    }

    private static void append(StringBuilder key, String words) {
        if (words.isEmpty()) {
            return;
        }
        if (!key.isEmpty()) {
            key.append(' ');
        }
        key.append(words);
    }
}
