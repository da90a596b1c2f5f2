package io.spotifymate.recommender.catalog;

import io.spotifymate.events.ArtistIds;
import io.spotifymate.events.TrackIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every track the feature store knows, held in flat arrays indexed by a track number, so a request can score and
 * filter the whole catalog without touching a map: names and artists, release year, duration, the audio features on
 * their own scales (for moods, energy and tempo), the normalised feature vector (for "sounds like"), genre and artist
 * tags, and how many listeners of this installation played it. Immutable; the {@link Catalog} swaps in a new one.
 *
 * <p>Only measured features count as facts. The feature store fills a track's gaps (from its artist, its genre or
 * the catalog's medians) so every track has a vector; here the filled ones are masked: {@link #audio} gives NaN for
 * them, filters and explanations never use them, and a track's sound vector keeps only measured dimensions — a track
 * with fewer than {@link #MIN_MEASURED_SOUND} measured sound features has none, so it is never "like" anything by
 * values that were guessed.
 */
public final class CatalogSnapshot {

    /** One track as read from the feature store. Lists may be null or empty where nothing is known. */
    public record Track(
            String trackId,
            String name,
            String artistName,
            String artistId,
            Long durationMs,
            Integer releaseYear,
            List<String> genres,
            List<Double> audio,
            List<Double> vector,
            Integer listeners,
            Long totalPlays,
            Set<String> imputed) {

        /** A track whose features were all measured (or which has none). */
        public Track(
                String trackId,
                String name,
                String artistName,
                String artistId,
                Long durationMs,
                Integer releaseYear,
                List<String> genres,
                List<Double> audio,
                List<Double> vector,
                Integer listeners,
                Long totalPlays) {
            this(
                    trackId,
                    name,
                    artistName,
                    artistId,
                    durationMs,
                    releaseYear,
                    genres,
                    audio,
                    vector,
                    listeners,
                    totalPlays,
                    Set.of());
        }
    }

    /**
     * The fewest measured sound features (danceability … tempo, see {@link AudioColumns#SOUND}) a track needs for a
     * sound vector: with fewer, two tracks would look alike by one or two numbers, or by duration alone.
     */
    public static final int MIN_MEASURED_SOUND = 5;

    /** The share of the catalog below which a measured value is "low", and the share above which it is "high". */
    static final double LOW_SHARE = 0.30;

    static final double HIGH_SHARE = 0.70;
    /** Tracks sampled (evenly) for the percentiles: plenty for two cut points, and cheap on a large catalog. */
    private static final int PERCENTILE_SAMPLE = 20_000;

    private final String[] trackIds;
    private final String[] names;
    private final int[] artistOf;
    private final String[] artistNames;
    /** Each artist's name normalised and without a leading "the", for {@link #closestArtist}. */
    private final String[] bareArtistNames;
    /** See {@link #searchTexts()}; two first searches at once both make it, which is harmless. */
    private volatile String[] searchTexts;

    private final String[] artistIds;
    private final int[] durationMs;
    private final int[] years;
    private final float[] audio;
    private final boolean[] hasAudio;
    /** Per track, bit c set when audio column c was measured, not filled in. */
    private final short[] measured;
    /** Per audio column, the catalog's 30th and 70th percentile of measured values (NaN when none). */
    private final float[] low;

    private final float[] high;
    private final float[] vectors;
    private final float[] vectorNorms;
    private final float[] popularity;
    private final int[][] tagsOf;
    private final Map<String, Integer> trackIndex;
    private final Map<String, Integer> artistIndex;
    private final Map<String, Integer> tagIndex;
    /** Each tag's normalised name, by number. */
    private final String[] tagNames;
    /** Each tag's rarity here, ln((n + 1) / (tracks carrying it + 1)): a tag every track carries says nothing. */
    private final float[] tagRarity;

    private final int[][] tracksOfArtist;
    private final int[] byPopularity;
    /** Each track's place in {@link #byPopularity}, from 1. */
    private final int[] popularityRank;

    private final Instant loadedAt;
    /** What {@link #track(int)} gives back, beside the arrays above, so a snapshot can be changed into the next. */
    private final List<String>[] genres;

    private final boolean[] hasVector;
    private final int[] listeners;
    private final long[] totalPlays;
    private final Map<String, List<String>> artistTags;

    @SuppressWarnings("unchecked")
    private CatalogSnapshot(List<Track> tracks, Map<String, List<String>> artistTags, Instant loadedAt) {
        int n = tracks.size();
        this.loadedAt = loadedAt;
        this.artistTags = Map.copyOf(artistTags);
        genres = new List[n];
        hasVector = new boolean[n];
        listeners = new int[n];
        totalPlays = new long[n];
        trackIds = new String[n];
        names = new String[n];
        artistOf = new int[n];
        durationMs = new int[n];
        years = new int[n];
        audio = new float[n * AudioColumns.SIZE];
        hasAudio = new boolean[n];
        measured = new short[n];
        vectors = new float[n * AudioColumns.SIZE];
        vectorNorms = new float[n];
        popularity = new float[n];
        tagsOf = new int[n][];
        trackIndex = new HashMap<>(n * 2);
        artistIndex = new HashMap<>();
        tagIndex = new HashMap<>();
        List<String> artistNameList = new ArrayList<>();
        List<String> artistIdList = new ArrayList<>();
        List<List<Integer>> artistTracks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            trackIds[i] = track.trackId();
            names[i] = track.name();
            trackIndex.put(track.trackId(), i);
            String artistName = track.artistName() == null ? "" : track.artistName();
            String key = artistKey(artistName);
            Integer artist = artistIndex.get(key);
            if (artist == null) {
                artist = artistNameList.size();
                artistNameList.add(track.artistName());
                artistIdList.add(track.artistId());
                artistTracks.add(new ArrayList<>());
                artistIndex.put(key, artist);
                if (track.artistId() != null) {
                    artistIndex.putIfAbsent(track.artistId(), artist);
                }
                if (!artistName.isBlank()) {
                    artistIndex.putIfAbsent(ArtistIds.local(artistName), artist);
                }
            }
            artistOf[i] = artist;
            artistTracks.get(artist).add(i);
            durationMs[i] = track.durationMs() == null ? -1 : (int) Math.min(Integer.MAX_VALUE, track.durationMs());
            years[i] = track.releaseYear() == null ? 0 : track.releaseYear();
            hasAudio[i] = copy(track.audio(), audio, i);
            measured[i] = hasAudio[i] ? measuredMask(track.imputed()) : 0;
            genres[i] = track.genres() == null ? List.of() : List.copyOf(track.genres());
            listeners[i] = track.listeners() == null ? -1 : track.listeners();
            totalPlays[i] = track.totalPlays() == null ? -1 : track.totalPlays();
            hasVector[i] = copy(track.vector(), vectors, i);
            if (hasVector[i]) {
                maskGuesses(vectors, i, measured[i]);
                float sum = 0;
                for (int f = 0; f < AudioColumns.SIZE; f++) {
                    float v = vectors[i * AudioColumns.SIZE + f];
                    sum += v * v;
                }
                vectorNorms[i] = (float) Math.sqrt(sum);
            }
            long listeners = track.listeners() == null ? 0 : track.listeners();
            long plays = track.totalPlays() == null ? 0 : track.totalPlays();
            // Listeners first; total plays only break ties between tracks with as many listeners.
            popularity[i] = (float) (Math.log1p(listeners) + 1e-3 * Math.log1p(plays));
            Set<Integer> tags = new LinkedHashSet<>();
            if (track.genres() != null) {
                track.genres().forEach(g -> tags.add(tagId(g)));
            }
            artistTags.getOrDefault(key, List.of()).forEach(t -> tags.add(tagId(t)));
            tagsOf[i] = tags.stream().mapToInt(Integer::intValue).toArray();
        }
        artistNames = artistNameList.toArray(String[]::new);
        bareArtistNames = new String[artistNames.length];
        for (int a = 0; a < artistNames.length; a++) {
            bareArtistNames[a] = artistNames[a] == null ? null : bare(TrackIds.normalise(artistNames[a]));
        }
        artistIds = artistIdList.toArray(String[]::new);
        tracksOfArtist = new int[artistTracks.size()][];
        for (int a = 0; a < tracksOfArtist.length; a++) {
            tracksOfArtist[a] = artistTracks.get(a).stream()
                    .sorted((x, y) -> Float.compare(popularity[y], popularity[x]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        tagNames = new String[tagIndex.size()];
        tagIndex.forEach((name, t) -> tagNames[t] = name);
        int[] carrying = new int[tagNames.length];
        for (int[] tags : tagsOf) {
            for (int t : tags) {
                carrying[t]++;
            }
        }
        tagRarity = new float[tagNames.length];
        for (int t = 0; t < tagNames.length; t++) {
            tagRarity[t] = (float) Math.log((n + 1.0) / (carrying[t] + 1.0));
        }
        low = new float[AudioColumns.SIZE];
        high = new float[AudioColumns.SIZE];
        for (int c = 0; c < AudioColumns.SIZE; c++) {
            float[] cuts = percentiles(c);
            low[c] = cuts[0];
            high[c] = cuts[1];
        }
        byPopularity = java.util.stream.IntStream.range(0, n)
                .boxed()
                .sorted((x, y) -> popularity[y] != popularity[x] ? Float.compare(popularity[y], popularity[x]) : x - y)
                .mapToInt(Integer::intValue)
                .toArray();
        popularityRank = new int[n];
        for (int r = 0; r < n; r++) {
            popularityRank[byPopularity[r]] = r + 1;
        }
    }

    /** Bit c set for each audio column not among the imputed dimension names. */
    private static short measuredMask(Set<String> imputed) {
        short mask = 0;
        for (int c = 0; c < AudioColumns.SIZE; c++) {
            if (imputed == null || !imputed.contains(AudioColumns.NAMES.get(c))) {
                mask |= (short) (1 << c);
            }
        }
        return mask;
    }

    /** Zeroes the filled-in dimensions of a track's vector, or all of it when too few sound features were measured. */
    private static void maskGuesses(float[] vectors, int track, short mask) {
        int sound = 0;
        for (int c : AudioColumns.SOUND) {
            if ((mask & (1 << c)) != 0) {
                sound++;
            }
        }
        for (int c = 0; c < AudioColumns.SIZE; c++) {
            if (sound < MIN_MEASURED_SOUND || (mask & (1 << c)) == 0) {
                vectors[track * AudioColumns.SIZE + c] = 0;
            }
        }
    }

    /** The 30th and 70th percentile of column c over (a sample of) the tracks that measured it. */
    private float[] percentiles(int column) {
        int n = size();
        int step = Math.max(1, n / PERCENTILE_SAMPLE);
        float[] values = new float[(n + step - 1) / step];
        int count = 0;
        for (int i = 0; i < n; i += step) {
            if ((measured[i] & (1 << column)) != 0) {
                values[count++] = audio[i * AudioColumns.SIZE + column];
            }
        }
        if (count == 0) {
            return new float[] {Float.NaN, Float.NaN};
        }
        Arrays.sort(values, 0, count);
        return new float[] {
            values[(int) Math.floor(LOW_SHARE * (count - 1))], values[(int) Math.ceil(HIGH_SHARE * (count - 1))]
        };
    }

    /**
     * @param artistTags listener tags of artists, most used first, keyed by {@link #artistKey(String)} of their name
     */
    public static CatalogSnapshot of(List<Track> tracks, Map<String, List<String>> artistTags, Instant loadedAt) {
        return new CatalogSnapshot(tracks, artistTags, loadedAt);
    }

    /**
     * The next snapshot: this one with {@code changed} tracks put in (new ones added, known ones replaced; a track
     * without a name is left out, as a read would) and {@code changedArtistTags} over the artists' tags. Same order
     * and numbering rules as a whole read, so the same store gives the same snapshot either way.
     */
    public CatalogSnapshot withChanges(
            Map<String, Track> changed, Map<String, List<String>> changedArtistTags, Instant loadedAt) {
        List<Track> tracks = new ArrayList<>(size() + changed.size());
        for (int i = 0; i < size(); i++) {
            if (!changed.containsKey(trackIds[i])) {
                tracks.add(track(i));
            }
        }
        changed.values().stream().filter(t -> t.name() != null).forEach(tracks::add);
        tracks.sort((a, b) -> a.trackId().compareTo(b.trackId()));
        Map<String, List<String>> tags = new HashMap<>(artistTags);
        tags.putAll(changedArtistTags);
        return of(tracks, tags, loadedAt);
    }

    /** The artist's tags as this snapshot has them (by {@link #artistKey(String)}), or null. */
    public List<String> artistTags(String artistKey) {
        return artistTags.get(artistKey);
    }

    /** Track {@code i} as it was read (audio values at the float precision they are held in). */
    public Track track(int i) {
        return new Track(
                trackIds[i],
                names[i],
                artistNames[artistOf[i]],
                artistIds[artistOf[i]],
                durationMs[i] < 0 ? null : (long) durationMs[i],
                years[i] == 0 ? null : years[i],
                genres[i],
                hasAudio[i] ? values(audio, i) : null,
                hasVector[i] ? values(vectors, i) : null,
                listeners[i] < 0 ? null : listeners[i],
                totalPlays[i] < 0 ? null : totalPlays[i],
                imputedNames(measured[i], hasAudio[i]));
    }

    private static Set<String> imputedNames(short mask, boolean hasAudio) {
        if (!hasAudio) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>();
        for (int c = 0; c < AudioColumns.SIZE; c++) {
            if ((mask & (1 << c)) == 0) {
                names.add(AudioColumns.NAMES.get(c));
            }
        }
        return Set.copyOf(names);
    }

    /** As {@link #track(int)} holds it: audio values at float precision, so a read and a snapshot compare equal. */
    public static Track asHeld(Track track) {
        return new Track(
                track.trackId(),
                track.name(),
                track.artistName(),
                track.artistId(),
                track.durationMs(),
                track.releaseYear(),
                track.genres() == null ? List.of() : List.copyOf(track.genres()),
                atFloatPrecision(track.audio()),
                maskedAtFloatPrecision(track),
                track.listeners(),
                track.totalPlays(),
                imputedNames(measuredMask(track.imputed()), track.audio() != null));
    }

    private static List<Double> maskedAtFloatPrecision(Track track) {
        float[] held = new float[AudioColumns.SIZE];
        if (!copy(track.vector(), held, 0)) {
            return null;
        }
        float[] filled = new float[AudioColumns.SIZE];
        short mask = copy(track.audio(), filled, 0) ? measuredMask(track.imputed()) : 0;
        maskGuesses(held, 0, mask);
        return values(held, 0);
    }

    private static List<Double> atFloatPrecision(List<Double> values) {
        float[] held = new float[AudioColumns.SIZE];
        return copy(values, held, 0) ? values(held, 0) : null;
    }

    private static List<Double> values(float[] from, int track) {
        List<Double> values = new ArrayList<>(AudioColumns.SIZE);
        for (int f = 0; f < AudioColumns.SIZE; f++) {
            values.add((double) from[track * AudioColumns.SIZE + f]);
        }
        return values;
    }

    public static CatalogSnapshot empty() {
        return of(List.of(), Map.of(), Instant.EPOCH);
    }

    /** How an artist name is matched: the same normalisation as track identity, so "Beyoncé" is "beyonce". */
    public static String artistKey(String artistName) {
        return "name:" + TrackIds.normalise(artistName == null ? "" : artistName);
    }

    /** How a tag or genre is matched: case, accents and punctuation aside, so "Hip-Hop" is "hip hop". */
    public static String tagKey(String tag) {
        return TrackIds.normalise(tag);
    }

    private int tagId(String tag) {
        return tagIndex.computeIfAbsent(tagKey(tag), t -> tagIndex.size());
    }

    private static boolean copy(List<Double> values, float[] into, int track) {
        if (values == null || values.size() < AudioColumns.SIZE) {
            return false;
        }
        for (int f = 0; f < AudioColumns.SIZE; f++) {
            Double v = values.get(f);
            if (v == null || !Double.isFinite(v)) {
                Arrays.fill(into, track * AudioColumns.SIZE, (track + 1) * AudioColumns.SIZE, 0f);
                return false;
            }
            into[track * AudioColumns.SIZE + f] = v.floatValue();
        }
        return true;
    }

    public int size() {
        return trackIds.length;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The track's number here, or -1. */
    public int index(String trackId) {
        Integer i = trackIndex.get(trackId);
        return i == null ? -1 : i;
    }

    public String trackId(int track) {
        return trackIds[track];
    }

    public String name(int track) {
        return names[track];
    }

    public int artist(int track) {
        return artistOf[track];
    }

    public String artistName(int track) {
        return artistNames[artistOf[track]];
    }

    public String artistNameOf(int artist) {
        return artistNames[artist];
    }

    public String artistIdOf(int artist) {
        return artistIds[artist];
    }

    public int artistCount() {
        return artistNames.length;
    }

    /** An artist by id, local id or name; -1 when no track of theirs is known. */
    public int artistIndex(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return -1;
        }
        Integer a = artistIndex.get(idOrName.strip());
        if (a == null) {
            a = artistIndex.get(artistKey(idOrName));
        }
        return a == null ? -1 : a;
    }

    /**
     * As {@link #artistIndex}, and else the artist whose name is nearest: for names people type to start from
     * ("songs like radiohed"), not for plays or bans, where a near name may well be another artist.
     */
    public int artistIndexOrClosest(String idOrName) {
        int exact = artistIndex(idOrName);
        return exact >= 0 || idOrName == null || idOrName.isBlank() ? exact : closestArtist(idOrName);
    }

    /**
     * Tracks whose title or artist contains every word of the query (case, accents and punctuation aside), most
     * popular first; when none does, those of the nearest artist name (a typo). At most {@code limit}.
     */
    public List<Integer> search(String query, int limit) {
        String[] words = TrackIds.normalise(query == null ? "" : query).split(" ");
        List<String> wanted =
                java.util.Arrays.stream(words).filter(w -> !w.isBlank()).toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        String[] texts = searchTexts();
        List<Integer> found = new ArrayList<>();
        for (int track = 0; track < trackIds.length; track++) {
            String text = texts[track];
            if (wanted.stream().allMatch(text::contains)) {
                found.add(track);
            }
        }
        if (found.isEmpty()) {
            int artist = closestArtist(query);
            if (artist >= 0) {
                for (int track : tracksOfArtist[artist]) {
                    found.add(track);
                }
            }
        }
        found.sort((a, b) -> Float.compare(popularity[b], popularity[a]));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /**
     * Each track's title and artist normalised for {@link #search}: made on the first search of this snapshot, not at
     * every search, and not when the snapshot is built (every minute, searched or not).
     */
    private String[] searchTexts() {
        String[] texts = searchTexts;
        if (texts == null) {
            texts = new String[trackIds.length];
            for (int track = 0; track < texts.length; track++) {
                texts[track] = TrackIds.normalise((names[track] == null ? "" : names[track]) + " " + artistName(track));
            }
            searchTexts = texts;
        }
        return texts;
    }

    private static String bare(String normalised) {
        return normalised.startsWith("the ") ? normalised.substring(4) : normalised;
    }

    /**
     * The artist whose name is nearest to a misspelt one ("radiohed", "Beyonce", "the beatles"), within a few edits;
     * of equally near ones the one with the most tracks here. -1 when none is near enough.
     */
    private int closestArtist(String name) {
        String bare = bare(TrackIds.normalise(name));
        int limit = NameMatch.tolerance(bare.length());
        if (limit == 0) {
            return -1;
        }
        int best = -1;
        int bestDistance = limit + 1;
        for (int artist = 0; artist < bareArtistNames.length; artist++) {
            String candidate = bareArtistNames[artist];
            if (candidate == null) {
                continue;
            }
            int distance = NameMatch.distance(bare, candidate, bestDistance);
            if (distance < bestDistance
                    || (distance == bestDistance
                            && best >= 0
                            && tracksOfArtist[artist].length > tracksOfArtist[best].length)) {
                if (distance <= limit) {
                    best = artist;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** The artist's tracks, most popular first. */
    public int[] tracksOf(int artist) {
        return tracksOfArtist[artist];
    }

    /** Duration in milliseconds, or -1 when unknown. */
    public int durationMs(int track) {
        return durationMs[track];
    }

    /** Release year, or 0 when unknown. */
    public int year(int track) {
        return years[track];
    }

    /** Whether any of the track's audio features was measured. */
    public boolean hasAudio(int track) {
        return measured[track] != 0;
    }

    /** Whether this audio feature of the track was measured (not filled in from its artist, genre or the catalog). */
    public boolean measured(int track, int column) {
        return (measured[track] & (1 << column)) != 0;
    }

    /** One measured audio feature on its own scale (see {@link AudioColumns}); NaN where it was not measured. */
    public float audio(int track, int column) {
        return measured(track, column) ? audio[track * AudioColumns.SIZE + column] : Float.NaN;
    }

    /**
     * "high" when the value is above the catalog's 70th percentile of that feature, "low" when under its 30th, else
     * null: a word only where the value really stands out here.
     */
    public String level(int column, float value) {
        if (Float.isNaN(value) || Float.isNaN(low[column])) {
            return null;
        }
        return value > high[column] ? "high" : value < low[column] ? "low" : null;
    }

    /** Cosine similarity of two tracks' normalised feature vectors; 0 when either has none. */
    public float similarity(int a, int b) {
        if (vectorNorms[a] == 0 || vectorNorms[b] == 0) {
            return 0;
        }
        return dot(vectors, a, vectors, b) / (vectorNorms[a] * vectorNorms[b]);
    }

    /** Cosine similarity of a track's feature vector with a free vector of {@link AudioColumns#SIZE} values. */
    public float similarity(int track, float[] centroid, float centroidNorm) {
        if (vectorNorms[track] == 0 || centroidNorm == 0) {
            return 0;
        }
        float sum = 0;
        int at = track * AudioColumns.SIZE;
        for (int f = 0; f < AudioColumns.SIZE; f++) {
            sum += vectors[at + f] * centroid[f];
        }
        return sum / (vectorNorms[track] * centroidNorm);
    }

    /** Adds {@code weight ×} the track's unit feature vector to {@code into}. */
    public void addUnitVector(int track, float weight, float[] into) {
        if (vectorNorms[track] == 0) {
            return;
        }
        int at = track * AudioColumns.SIZE;
        for (int f = 0; f < AudioColumns.SIZE; f++) {
            into[f] += weight * vectors[at + f] / vectorNorms[track];
        }
    }

    private static float dot(float[] x, int a, float[] y, int b) {
        float sum = 0;
        int i = a * AudioColumns.SIZE;
        int j = b * AudioColumns.SIZE;
        for (int f = 0; f < AudioColumns.SIZE; f++) {
            sum += x[i + f] * y[j + f];
        }
        return sum;
    }

    /** log(1 + listeners here), with total plays as a tie-break. */
    public float popularity(int track) {
        return popularity[track];
    }

    /** How many listeners of this installation played the track; 0 when none or unknown. */
    public int listeners(int track) {
        return Math.max(0, listeners[track]);
    }

    /** The track's place when the catalog is ordered most popular first: 1 for the most popular. */
    public int popularityRank(int track) {
        return popularityRank[track];
    }

    /** All tracks, most popular first. */
    public int[] byPopularity() {
        return byPopularity;
    }

    /** The tag's number, or -1 when no track carries it. */
    public int tag(String tag) {
        Integer t = tagIndex.get(tagKey(tag));
        return t == null ? -1 : t;
    }

    /** The tags of a track and its artist, by number (the snapshot's own array: read it, never change it). */
    public int[] tagsOf(int track) {
        return tagsOf[track];
    }

    /** How many distinct tags the catalog's tracks and artists carry. */
    public int tagCount() {
        return tagNames.length;
    }

    /** A tag's name as matched (lower case, without accents or punctuation). */
    public String tagName(int tag) {
        return tagNames[tag];
    }

    /** How rare a tag is here: ln((tracks + 1) / (tracks carrying it + 1)). */
    public float tagRarity(int tag) {
        return tagRarity[tag];
    }

    public boolean hasTag(int track, int tag) {
        for (int t : tagsOf[track]) {
            if (t == tag) {
                return true;
            }
        }
        return false;
    }
}
