package io.spotifymate.chat.llm;

import io.spotifymate.chat.ChatReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's reply, line by line, against what the tools returned, before the line reaches the person. A line
 * passes when every catalog id in it is a known track and, if it lists a track (a numbered or bulleted line, or a
 * quoted title "by" an artist), that track is a known one. A line that names anything else is left out, and the reply
 * says so; the tracks the kept lines name become the reply's track cards.
 */
public final class Grounding {

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-*•])\\s+\\S");
    private static final Pattern QUOTED_BY =
            Pattern.compile("[\"“]([^\"”\\n]{1,120})[\"”]\\s+by\\s+", Pattern.CASE_INSENSITIVE);

    private final MusicTools.Ledger ledger;
    private final Map<String, ChatReply.Track> named = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();

    public Grounding(MusicTools.Ledger ledger) {
        this.ledger = ledger;
    }

    /** The line as it may be shown, or empty when it names something no tool returned. */
    public Optional<String> check(String line) {
        List<ChatReply.Track> inLine = new ArrayList<>();
        Matcher ids = MusicTools.TRACK_ID.matcher(line);
        while (ids.find()) {
            Optional<ChatReply.Track> track = ledger.track(ids.group());
            if (track.isEmpty()) {
                removed.add(line.strip());
                return Optional.empty();
            }
            inLine.add(track.get());
        }
        boolean namesATrack =
                LIST_ITEM.matcher(line).find() || QUOTED_BY.matcher(line).find();
        if (inLine.isEmpty() && namesATrack) {
            Optional<ChatReply.Track> byName = byName(line);
            if (byName.isEmpty()) {
                removed.add(line.strip());
                return Optional.empty();
            }
            inLine.add(byName.get());
        }
        inLine.forEach(track -> named.putIfAbsent(track.trackId(), track));
        return Optional.of(line);
    }

    /** A known track whose title and artist both appear in the line. */
    private Optional<ChatReply.Track> byName(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return ledger.known().stream()
                .filter(t -> t.name() != null && lower.contains(t.name().toLowerCase(Locale.ROOT)))
                .filter(t ->
                        t.artistName() == null || lower.contains(t.artistName().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The tracks the kept lines named, in order. */
    public List<ChatReply.Track> named() {
        return List.copyOf(named.values());
    }

    /** The lines left out. */
    public List<String> removed() {
        return List.copyOf(removed);
    }

    /** What to tell the person about left-out lines, or null. */
    public String notice() {
        if (removed.isEmpty()) {
            return null;
        }
        return removed.size() == 1
                ? "I left out one suggestion I could not find in the catalog."
                : "I left out " + removed.size() + " suggestions I could not find in the catalog.";
    }
}
