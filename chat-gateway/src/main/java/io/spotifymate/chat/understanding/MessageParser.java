package io.spotifymate.chat.understanding;

import io.spotifymate.chat.understanding.Understanding.Intent;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline engine's understanding of a message: rules over the words people use for music — moods and the
 * activities that imply them, genres, eras, energy and tempo, playlist lengths and shapes, feedback on "the second
 * one" or an artist, refinements of the last request, questions about one's own listening. Deterministic and fast
 * (well under a millisecond a message); measured against the corpus in the tests.
 */
public final class MessageParser {

    private static final Map<String, String> MOODS = lexicon(Map.of(
            "calm",
            "calm|calmer|chill|chilled|chillout|chill out|relax|relaxing|relaxed|mellow|peaceful|soothing|"
                    + "sleepy|sleep|asleep|bedtime|unwind|cozy|cosy|quiet|gentle|soft",
            "happy",
            "happy|happier|upbeat|cheerful|feel good|feel-good|feelgood|sunny|joyful|uplifting|good mood",
            "sad",
            "sad|sadder|melancholy|melancholic|heartbreak|heartbroken|heartache|crying|cry|gloomy|breakup|broke up|dumped|lonely|moody",
            "energetic",
            "energetic|workout|work out|gym|running|run|jog|jogging|pump me up|pumped|hype|hyped|intense|"
                    + "motivation|motivating|lifting|cardio",
            "focus",
            "focus|focused|study|studying|concentrate|concentration|coding|programming|reading|deep work|"
                    + "working|homework",
            "party",
            "party|partying|dance|dancing|danceable|club|clubbing|pregame|bangers|dancefloor|dance floor"));

    private static final Map<String, String> GENRES = lexicon(Map.ofEntries(
            Map.entry("rock", "rock|rock and roll|rock n roll"),
            Map.entry("pop", "pop"),
            Map.entry("jazz", "jazz|jazzy"),
            Map.entry("hip-hop", "hip hop|hip-hop|hiphop|rap|trap"),
            Map.entry("electronic", "electronic|electronica|edm|techno|house|trance|dubstep|drum and bass|dnb"),
            Map.entry("classical", "classical|orchestral|piano pieces"),
            Map.entry("metal", "metal|heavy metal|metalcore"),
            Map.entry("punk", "punk|pop punk"),
            Map.entry("indie", "indie"),
            Map.entry("folk", "folk|folky"),
            Map.entry("country", "country"),
            Map.entry("blues", "blues|bluesy"),
            Map.entry("soul", "soul|motown"),
            Map.entry("r&b", "r&b|rnb|r and b"),
            Map.entry("reggae", "reggae|dancehall"),
            Map.entry("funk", "funk|funky"),
            Map.entry("disco", "disco"),
            Map.entry("latin", "latin|reggaeton|salsa"),
            Map.entry("ambient", "ambient"),
            Map.entry("lo-fi", "lo-fi|lofi|lo fi"),
            Map.entry("alternative", "alternative|alt rock"),
            Map.entry("grunge", "grunge"),
            Map.entry("acoustic", "acoustic"),
            Map.entry("k-pop", "k-pop|kpop")));

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50));

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("1st", 1),
            Map.entry("second", 2),
            Map.entry("2nd", 2),
            Map.entry("third", 3),
            Map.entry("3rd", 3),
            Map.entry("fourth", 4),
            Map.entry("4th", 4),
            Map.entry("fifth", 5),
            Map.entry("5th", 5),
            Map.entry("sixth", 6),
            Map.entry("6th", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10));

    private static final Map<String, String> DECADE_WORDS = Map.of(
            "fifties", "1950s",
            "sixties", "1960s",
            "seventies", "1970s",
            "eighties", "1980s",
            "nineties", "1990s",
            "two thousands", "2000s",
            "noughties", "2000s");

    private static final String NUMBER = "(\\d+|" + String.join("|", NUMBERS.keySet()) + ")";
    private static final String ORDINAL = "(?:the\\s+)?(?:(" + String.join("|", ORDINALS.keySet())
            + ")(?:\\s+(?:one|song|track))?|(?:number|no\\.?|#|track|song)\\s*(\\d+)|(last|that|this)\\s+(?:one|song|track)|it)";

    private static final Pattern DECADE = Pattern.compile("(?<![\\d])'?((?:19|20)?\\d)0'?s\\b");
    private static final Pattern YEARS =
            Pattern.compile("\\b((?:19|20)\\d\\d)\\s*(?:-|to|until|–)\\s*((?:19|20)\\d\\d)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:from|in|of)\\s+((?:19|20)\\d\\d)\\b");
    private static final Pattern MINUTES = Pattern.compile("\\b" + NUMBER + "[\\s-]*(?:min|mins|minutes|minute)\\b");
    private static final Pattern HOURS = Pattern.compile("\\b(an|one|two|three|\\d+)[\\s-]*(?:hour|hours|hr|hrs)\\b");
    private static final Pattern HALF_HOUR = Pattern.compile("\\bhalf an hour\\b|\\b30[\\s-]*minute");
    private static final Pattern COUNT =
            Pattern.compile("\\b" + NUMBER + "\\s+(?:more\\s+)?(?:\\w+\\s+)?(?:songs?|tracks?|tunes?)\\b");
    private static final Pattern BPM = Pattern.compile("\\b(\\d{2,3})\\s*bpm\\b|\\bbpm\\s*(\\d{2,3})\\b");
    private static final Pattern ORDINAL_REF = Pattern.compile("\\b" + ORDINAL + "(?=\\W|$)");

    private static final Pattern BAN = Pattern.compile(
            "\\b(?:no more|stop (?:playing|recommending|suggesting|showing)|never (?:play|show|recommend|suggest)|"
                    + "ban|block|remove|get rid of|take out|(?:i )?(?:never|don't|do not) want to hear|"
                    + "i (?:hate|can't stand|cannot stand)|enough of|don't (?:ever )?(?:play|show) me)\\s+(.+?)"
                    + "(?:\\s+(?:again|anymore|any more|ever|please))*[.!?]*$");
    private static final Pattern DISLIKE = Pattern.compile(
            "\\b(?:i (?:don't|do not|didn't|did not) (?:like|love|enjoy|dig)|not (?:a fan of|into|feeling)|dislike|"
                    + "thumbs down (?:on|for|to)?|nah,? not|skip)\\s+(.+?)[.!?]*$|\\b(.+?)\\s+(?:is|was) (?:bad|awful|terrible|boring|not for me|meh)\\b");
    private static final Pattern LIKE = Pattern.compile(
            "(?:\\b(?:i (?:really )?(?:like|love|liked|loved|enjoy|enjoyed|dig)|thumbs up (?:on|for|to)?|loving|"
                    + "love)|^(?:loved|liked|enjoyed))\\s+(.+?)[.!?]*$|\\b(.+?)\\s+(?:is|was) (?:great|amazing|awesome|perfect|a banger|fire)\\b");
    private static final Pattern MORE_LIKE = Pattern.compile(
            "\\b(?:more (?:like|of)|(?:songs|tracks|stuff|music|something|anything|artists|playlist|mix) (?:like|similar to)|"
                    + "similar to|sounds like|in the style of)\\s+(.+?)[.!?]*$");
    private static final Pattern BY_ARTIST = Pattern.compile("\\b(?:by|from)\\s+([a-z0-9][\\w&'. -]*?)[.!?]*$");

    private static final Pattern MUSIC_WORDS = Pattern.compile(
            "\\b(?:recommend\\w*|suggest\\w*|play\\w*|music|songs?|tracks?|tunes?|listen\\w*|something|anything|"
                    + "vibes?|beats|stuff|hits|jams|artists?|bands?|albums?|good for|what's good|recommendations?)\\b");

    private static final Set<String> NOT_ARTISTS = Set.of(
            "this",
            "that",
            "it",
            "them",
            "these",
            "those",
            "music",
            "songs",
            "tracks",
            "stuff",
            "something",
            "me",
            "the same",
            "before",
            "now",
            "today",
            "tonight",
            "my playlist",
            "this playlist",
            "my history",
            "spotify");

    /** Understands one message; {@code original} keeps the user's spelling of artist names. */
    public Understanding parse(String original) {
        String text = normalise(original);
        Map<String, String> slots = new LinkedHashMap<>();
        Intent intent = intentOf(text, original, slots);
        if (intent == Intent.RECOMMEND || intent == Intent.PLAYLIST || intent == Intent.REFINE) {
            describe(text, slots, intent);
        }
        if (intent == Intent.RECOMMEND
                && slots.isEmpty()
                && !MUSIC_WORDS.matcher(text).find()) {
            // "hi", "thanks": nothing asks for music.
            return Understanding.of(Intent.HELP, slots);
        }
        return Understanding.of(intent, slots);
    }

    private Intent intentOf(String text, String original, Map<String, String> slots) {
        if (text.isBlank()) {
            return Intent.HELP;
        }
        if (matches(
                text,
                "^(?:help|\\?|what can you do|how does this work|what do you do|commands)(?:[ .!?]*$|\\b(?! me))")) {
            return Intent.HELP;
        }
        if (matches(
                text,
                "\\b(?:import|upload|my (?:spotify )?(?:data|export|history file)|connect (?:my )?spotify|"
                        + "link (?:my )?spotify|(?:add|bring|load|get) (?:in )?my (?:spotify )?(?:listening )?"
                        + "(?:history|data|plays))\\b")) {
            return Intent.IMPORT;
        }
        if (matches(
                text,
                "\\bwhy\\b.*\\b(?:recommend|suggest|pick|choose|chose|this|that|it|one|song|track)\\b|^explain\\b|"
                        + "\\bwhat made you (?:pick|choose)\\b")) {
            ordinal(text).ifPresent(o -> slots.put("ordinal", o));
            return Intent.EXPLAIN;
        }
        if (matches(
                text,
                "\\b(?:my (?:top|most (?:played|listened))|most played|top artists|listening (?:stats|habits|"
                        + "history|trends|time)|my stats|insights|how much (?:did|do|have) i (?:listen|listened)|when do i "
                        + "(?:usually )?listen|what did i listen to|who (?:do|did) i listen to (?:the )?most|wrapped|"
                        + "my (?:favorite|favourite) (?:artists|genres|songs)|(?:which|what) (?:artists?|songs?|tracks?|"
                        + "genres?|bands?) do i (?:play|listen to)|what time (?:of day )?do i|how often do i)\\b")) {
            if (matches(text, "\\bthis year\\b")) {
                slots.put("period", "year");
            } else if (matches(text, "\\bthis month\\b|\\blast month\\b")) {
                slots.put("period", "month");
            }
            return Intent.INSIGHTS;
        }
        Matcher ban = BAN.matcher(text);
        if (ban.find()) {
            return feedback("ban", ban.group(1), original, slots);
        }
        Matcher more = MORE_LIKE.matcher(text);
        boolean asksForMusic = matches(text, "\\b(?:playlist|mix|recommend|suggest|give me|play me|find me)\\b");
        if (more.find()) {
            String target = more.group(1);
            if (ordinal(target).isPresent() || isReference(target)) {
                return feedback("more-like-this", target, original, slots);
            }
        }
        Matcher dislike = DISLIKE.matcher(text);
        if (dislike.find()) {
            String target = dislike.group(1) != null ? dislike.group(1) : dislike.group(2);
            return feedback(text.contains("skip") ? "skip" : "dislike", target, original, slots);
        }
        Matcher like = LIKE.matcher(text);
        if (like.find() && !asksForMusic && !matches(text, "\\b(?:i (?:like|love) (?:to|listening|music|songs))\\b")) {
            String target = like.group(1) != null ? like.group(1) : like.group(2);
            if (ordinal(target).isPresent() || isReference(target)) {
                return feedback("like", target, original, slots);
            }
        }
        if (matches(
                text,
                "\\b(?:continue|extend|keep (?:it|this|the playlist) going|what (?:goes|comes|should come|fits) "
                        + "(?:well )?(?:with|after|next)|add (?:more )?(?:songs|tracks) to)\\b")) {
            return Intent.CONTINUE;
        }
        if (matches(text, "\\b(?:playlist|mix ?tape|mixtape|mix|setlist|set list|tracklist|dj set)\\b")
                        && !matches(text, "\\bmix (?:it|things) up\\b")
                || matches(
                        text,
                        "\\b(?:make|build|create|put together) (?:me )?(?:a|an)\\b.*\\b(?:mix|set|hour|minutes)\\b")) {
            return Intent.PLAYLIST;
        }
        if (matches(text, "^(?:less|more|but|make it|now|only|a bit|a little|slightly|not so|too|even|way)\\b")
                || matches(
                        text,
                        "^(?:something )?(?:calmer|happier|sadder|faster|slower|louder|softer|chiller|"
                                + "mellower|heavier|lighter|older|newer|longer|shorter)\\b")) {
            return Intent.REFINE;
        }
        return Intent.RECOMMEND;
    }

    private Intent feedback(String kind, String target, String original, Map<String, String> slots) {
        slots.put("feedback", kind);
        String cleaned = target == null ? "" : target.strip();
        var ord = ordinal(cleaned);
        if (ord.isPresent()) {
            slots.put("target", "track");
            slots.put("ordinal", ord.get());
        } else if (isReference(cleaned)) {
            slots.put("target", "track");
            slots.put("ordinal", "last");
        } else {
            slots.put("target", "artist");
            slots.put("artist", originalSpelling(original, stripTrailing(cleaned)));
        }
        return Intent.FEEDBACK;
    }

    /** Mood, genre, era, energy, tempo, familiarity, artists, counts, lengths and arcs. */
    private void describe(String text, Map<String, String> slots, Intent intent) {
        // Energy and tempo words first, so "high energy" is not read as the mood "energetic".
        if (matches(
                text,
                "\\b(?:high[ -]energy|more energy|more energetic|higher energy|more upbeat|pick (?:it|the pace) up|"
                        + "livelier|more intense)\\b")) {
            slots.put("energy", "high");
        } else if (matches(
                text,
                "\\b(?:low[ -]energy|less energy|less energetic|lower energy|less upbeat|low[ -]key|"
                        + "less intense|tone it down|calmer|softer|mellower|chiller|quieter|gentler)\\b")) {
            slots.put("energy", "low");
        } else if (matches(text, "\\b(?:medium|moderate|mid)[ -]energy\\b")) {
            slots.put("energy", "medium");
        }
        Matcher bpm = BPM.matcher(text);
        // "starts slow and ends fast" is a shape (an arc), not a tempo.
        String tempoText = text.replaceAll(
                "\\b(?:starts?|starting|ends?|ending|gets?|getting)\\s+(?:slow|fast|faster|slower)\\w*", " ");
        if (bpm.find()) {
            slots.put("tempo", bpm.group(1) != null ? bpm.group(1) : bpm.group(2));
        } else if (matches(tempoText, "\\b(?:fast|faster|uptempo|up-tempo|quick|high tempo|speed it up)\\b")
                && !matches(tempoText, "\\bfast forward\\b")) {
            slots.put("tempo", "fast");
        } else if (matches(tempoText, "\\b(?:slow|slower|downtempo|down-tempo|slow it down|low tempo)\\b")) {
            slots.put("tempo", "slow");
        }
        String artist = artistMentioned(text);
        if (artist != null) {
            slots.put("artist", artist);
            // "Daft Punk" is an artist, not the genre punk.
            text = text.replace(artist, " ");
        }
        String withoutEnergyWords = text.replaceAll("\\b(?:high|low|more|less|medium)[ -]energ\\w*", " ")
                .replaceAll("\\b(?:more|less) (?:upbeat|intense)\\b", " ");
        // "less sad" asks to leave a mood, not for it.
        String mood =
                firstMatch(MOODS, withoutEnergyWords.replaceAll("\\b(?:less|not so|not as|not too)\\s+\\w+", " "));
        if (mood != null) {
            slots.put("mood", mood);
        }
        String genre = firstMatch(GENRES, text.replaceAll("\\b(?:dance floor|dancefloor|dance)\\b", " "));
        if (genre != null) {
            slots.put("genre", genre);
        }
        era(text).ifPresent(era -> slots.put("era", era));
        if (matches(
                text,
                "\\b(?:new to me|discover\\w*|something new|never heard|haven't heard|hidden gems?|deep cuts|"
                        + "surprise me|fresh|new artists|unknown)\\b")) {
            slots.put("familiarity", "hard");
        } else if (matches(
                text,
                "\\b(?:favou?rites|familiar|what i know|i already know|comfort|my usual|old favou?rites|"
                        + "classics i love|songs i know)\\b")) {
            slots.put("familiarity", "easy");
        }
        minutes(text).ifPresent(m -> slots.put("lengthMinutes", m));
        Matcher count = COUNT.matcher(text);
        if (count.find()) {
            slots.put(intent == Intent.PLAYLIST ? "lengthTracks" : "k", number(count.group(1)));
        }
        boolean up = matches(
                text,
                "\\b(?:warm(?:s|ing)?[ -]?up|builds?[ -]?up|building|ramp(?:s|ing)? up|start(?:s|ing)? slow|"
                        + "gets? faster|rising|crescendo)\\b");
        boolean down = matches(
                text,
                "\\b(?:cool(?:s|ing)?[ -]?down|winds?[ -]?down|winding down|come down|comedown|ends? slow|"
                        + "fade out|falling)\\b");
        if ((up && down) || matches(text, "\\b(?:peaks?|peaking|journey|arc)\\b")) {
            slots.put("arc", "warm-up-peak-cool-down");
        } else if (up) {
            slots.put("arc", "rising");
        } else if (down) {
            slots.put("arc", "falling");
        }
    }

    /** The artist a request names ("like X", "similar to X", "by X"), if it is not a mood, genre, era or reference. */
    private static String artistMentioned(String text) {
        Matcher similar = MORE_LIKE.matcher(text);
        Matcher by = BY_ARTIST.matcher(text);
        String artist = null;
        if (similar.find() && ordinal(similar.group(1)).isEmpty() && !isReference(similar.group(1))) {
            artist = stripTrailing(similar.group(1));
        } else if (by.find()
                && era(by.group(1)).isEmpty()
                && !by.group(1).matches("\\d+")
                && !isReference(by.group(1))) {
            artist = stripTrailing(by.group(1));
        }
        if (artist == null || artist.isBlank() || NOT_ARTISTS.contains(artist) || artist.matches("[\\d\\s's-]+")) {
            return null;
        }
        String[] words = artist.split("\\s+");
        boolean onlyDescriptive = firstMatch(MOODS, artist) != null && words.length == 1
                || firstMatch(GENRES, artist) != null && words.length == 1
                || era(artist).isPresent();
        return onlyDescriptive ? null : artist;
    }

    private static java.util.Optional<String> era(String text) {
        Matcher years = YEARS.matcher(text);
        if (years.find()) {
            return java.util.Optional.of(years.group(1) + "-" + years.group(2));
        }
        Matcher decade = DECADE.matcher(text);
        if (decade.find()) {
            String digits = decade.group(1);
            String full = digits.length() == 1
                    ? (Integer.parseInt(digits) >= 3 ? "19" : "20") + digits + "0s"
                    : digits + "0s";
            return java.util.Optional.of(full);
        }
        for (Map.Entry<String, String> word : DECADE_WORDS.entrySet()) {
            if (matches(text, "\\b" + word.getKey() + "\\b")) {
                return java.util.Optional.of(word.getValue());
            }
        }
        Matcher year = YEAR.matcher(text);
        if (year.find()) {
            return java.util.Optional.of(year.group(1));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> minutes(String text) {
        Matcher m = MINUTES.matcher(text);
        if (m.find()) {
            return java.util.Optional.of(number(m.group(1)));
        }
        if (HALF_HOUR.matcher(text).find()) {
            return java.util.Optional.of("30");
        }
        Matcher h = HOURS.matcher(text);
        if (h.find()) {
            String n = h.group(1);
            int hours = n.equals("an") || n.equals("one")
                    ? 1
                    : n.equals("two") ? 2 : n.equals("three") ? 3 : Integer.parseInt(n);
            return java.util.Optional.of(Integer.toString(hours * 60));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> ordinal(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = ORDINAL_REF.matcher(text.strip());
        if (m.find()) {
            if (m.group(1) != null) {
                return java.util.Optional.of(Integer.toString(ORDINALS.get(m.group(1))));
            }
            if (m.group(2) != null) {
                return java.util.Optional.of(m.group(2));
            }
            if ("last".equals(m.group(3))) {
                return java.util.Optional.of("last");
            }
        }
        return java.util.Optional.empty();
    }

    /** "this", "that one", "it", "this song": the last track named (or the only one). */
    private static boolean isReference(String target) {
        return target != null
                && target.strip()
                        .matches("(?:this|that|it|this one|that one|this song|that song|this track|that track|"
                                + "the last one|the last song|the last track)(?:\\s+(?:one|song|track))?");
    }

    private static String number(String word) {
        return NUMBERS.containsKey(word) ? Integer.toString(NUMBERS.get(word)) : word;
    }

    private static String stripTrailing(String s) {
        // "Arctic Monkeys but calmer", "Bob Marley for a barbecue": the name ends where the sentence goes on.
        s = s.replaceAll("\\s+(?:but|for|with|without|while|to|so|because)\\s+.*$", "");
        return s.replaceAll(
                        "(?:\\s+(?:please|pls|again|anymore|any more|thanks|thank you|for me|today|tonight|now|"
                                + "songs|tracks|music|stuff))+$",
                        "")
                .replaceAll("^(?:the music of|songs by|music by|tracks by|stuff by)\\s+", "")
                .strip();
    }

    /** The artist as the user spelled it, found case-insensitively in the original message. */
    private static String originalSpelling(String original, String lower) {
        String flat = original.replace('\u2019', '\'');
        int at = flat.toLowerCase(Locale.ROOT).indexOf(lower);
        return at >= 0 ? flat.substring(at, at + lower.length()) : lower;
    }

    private static String firstMatch(Map<String, String> lexicon, String text) {
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : lexicon.entrySet()) {
            Matcher m = pattern("\\b(?:" + e.getValue() + ")\\b").matcher(text);
            if (m.find() && m.start() < bestAt) {
                bestAt = m.start();
                best = e.getKey();
            }
        }
        return best;
    }

    private static Map<String, String> lexicon(Map<String, String> words) {
        return Map.copyOf(words);
    }

    /** Every rule's pattern, compiled once. */
    private static final Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }

    private static boolean matches(String text, String regex) {
        return pattern(regex).matcher(text).find();
    }

    static String normalise(String message) {
        String s = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"')
                .toLowerCase(Locale.ROOT);
        return s.replaceAll("\\s+", " ").strip();
    }
}
