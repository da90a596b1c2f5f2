package io.spotifymate.recommender.pipeline;

import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recommendation pipeline, free of I/O so it can be tested and measured on its own:
 *
 * <ol>
 *   <li><b>filters</b>, checked lazily (only for tracks that would enter a candidate list) and remembered: played
 *       (or recently played), banned and disliked tracks and artists, recent skips, the request's mood, tag, energy,
 *       tempo, era and familiarity;
 *   <li><b>candidates</b> from five sources among what passes: the model's best (vector search over the track vectors,
 *       item neighbours, or popularity, whatever the model is), tracks that share playlists with the seeds, tracks that
 *       sound like the seeds or the user's taste (which reaches tracks no model knows yet), tracks whose tags the
 *       taste's artists share (which needs neither a corpus nor audio features), and the popular ones;
 *   <li><b>relevance</b>: each source's score scaled to 0..1 and weighed, more on seeds when there are some;
 *   <li><b>diversity</b>: maximal marginal relevance over the sound of the tracks, at most N per artist;
 *   <li><b>explanations</b> that name what actually drove each pick.
 * </ol>
 */
public final class Recommender {

    /** How the pipeline is tuned; the defaults come from {@code RecommenderConfig}. */
    public record Settings(int maxPerArtist, double lambda, int modelCandidates, int otherCandidates) {}

    /**
     * A track that shares playlists with seeds: its damped co-occurrence score, the seed behind most of it, and how many
     * playlists list it with that seed.
     */
    public record CoListed(float score, int seed, int playlists) {

        /** The same track listed with another seed: the scores add up, the stronger seed is named. */
        public CoListed plus(CoListed other) {
            return score >= other.score
                    ? new CoListed(score + other.score, seed, playlists)
                    : new CoListed(score + other.score, other.seed, other.playlists);
        }
    }

    /**
     * What the pipeline answers: the picks, best first, a note when fewer than asked could be found or a constraint
     * had to be let go, and which constraints were let go (in the order they were), empty when none.
     */
    public record Result(List<Pick> picks, String message, List<String> relaxed) {

        public Result(List<Pick> picks, String message) {
            this(picks, message, List.of());
        }
    }

    private static final byte ELIGIBLE = 1;
    private static final byte FILTERED = 2;

    /**
     * Per-thread arrays the size of the catalog, reused by every request on the thread instead of a few hundred
     * kilobytes of garbage each time.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> BY_THREAD = new ThreadLocal<>();
        final float[] scores;
        final byte[] eligibility;
        float[] modelSpace;

        private Scratch(int n) {
            scores = new float[n];
            eligibility = new byte[n];
        }

        /** Scores in the model's own numbering, before they are placed in the catalog's. */
        static float[] modelSpace(int items) {
            Scratch s = BY_THREAD.get();
            if (s.modelSpace == null || s.modelSpace.length != items) {
                s.modelSpace = new float[items];
            }
            return s.modelSpace;
        }

        static Scratch of(int n) {
            Scratch s = BY_THREAD.get();
            if (s == null || s.scores.length != n) {
                s = new Scratch(n);
                BY_THREAD.set(s);
            }
            Arrays.fill(s.scores, Float.NaN);
            Arrays.fill(s.eligibility, (byte) 0);
            return s;
        }
    }

    static final String MODEL = "model";
    static final String CO_OCCURRENCE = "co-occurrence";
    static final String CONTENT = "content";
    static final String POPULARITY = "popularity";
    static final String TAGS = "tags";
    /** Candidate sources, each a column of a candidate's scores: model, playlists, sound, popularity, tags. */
    private static final int SOURCES = 5;

    private static final int ANCHORS_FOR_CENTROID = 50;

    private final Settings settings;

    public Recommender(Settings settings) {
        this.settings = settings;
    }

    /**
     * The answer to a query. When no track fits every constraint, the weakest is let go and the query tried again —
     * the era first, then familiarity, the tag, the mood, energy and tempo (what a listener would give up first) —
     * and the answer says what was let go. Seeds, bans and what was played are never let go.
     *
     * @param view the serving model in the catalog's numbering, or null before any model (popularity in context)
     * @param coListed tracks sharing playlists with the taste's focus, by catalog number
     */
    public Result recommend(
            CatalogSnapshot catalog, ModelView view, Taste taste, Query query, Map<Integer, CoListed> coListed) {
        Result result = answer(catalog, view, taste, query, coListed);
        List<String> relaxed = new ArrayList<>();
        Query tried = query;
        while (result.picks().isEmpty()) {
            Relaxation next = Relaxation.of(tried);
            if (next == null) {
                return relaxed.isEmpty() ? result : new Result(List.of(), nothingMatches(query), List.copyOf(relaxed));
            }
            relaxed.add(next.description());
            tried = next.query();
            result = answer(catalog, view, taste, tried, coListed);
        }
        if (relaxed.isEmpty()) {
            return result;
        }
        String message = "No track fits everything asked for" + context(query) + ", so these leave out "
                + String.join(" and ", relaxed) + "." + (result.message() == null ? "" : " " + result.message());
        return new Result(result.picks(), message, List.copyOf(relaxed));
    }

    /** A constraint let go: the query without it, and how the answer names it. */
    record Relaxation(Query query, String description) {

        /** The weakest constraint of the query let go, or null when none is left to let go. */
        static Relaxation of(Query q) {
            if (q.years() != null) {
                return new Relaxation(
                        with(q, q.mood(), q.tag(), q.energy(), q.tempo(), null, q.familiarity()),
                        "the era (" + (int) q.years().min() + "–"
                                + (int) q.years().max() + ")");
            }
            if (q.familiarity() != null && q.familiarity() != Query.Familiarity.MEDIUM) {
                return new Relaxation(
                        with(q, q.mood(), q.tag(), q.energy(), q.tempo(), null, null),
                        "familiarity (" + q.familiarity().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            if (q.tag() != null) {
                return new Relaxation(
                        with(q, q.mood(), null, q.energy(), q.tempo(), null, q.familiarity()),
                        "the tag '" + q.tag() + "'");
            }
            if (q.mood() != null) {
                return new Relaxation(
                        with(q, null, null, q.energy(), q.tempo(), null, q.familiarity()),
                        "the mood (" + q.mood().label() + ")");
            }
            if (q.energy() != null) {
                return new Relaxation(with(q, null, null, null, q.tempo(), null, q.familiarity()), "the energy range");
            }
            if (q.tempo() != null) {
                return new Relaxation(with(q, null, null, null, null, null, q.familiarity()), "the tempo range");
            }
            return null;
        }

        private static Query with(
                Query q, Mood mood, String tag, Range energy, Range tempo, Range years, Query.Familiarity familiarity) {
            return new Query(
                    q.k(),
                    mood,
                    tag,
                    energy,
                    tempo,
                    years,
                    familiarity,
                    q.seedTracks(),
                    q.seedArtists(),
                    q.excludeRecentDays(),
                    q.maxPerArtist(),
                    q.excluded());
        }
    }

    private Result answer(
            CatalogSnapshot catalog, ModelView view, Taste taste, Query query, Map<Integer, CoListed> coListed) {
        int n = catalog.size();
        Scratch scratch = Scratch.of(n);
        // Filters are checked lazily and remembered: most tracks never score high enough for it to matter.
        byte[] state = scratch.eligibility;
        java.util.function.IntPredicate eligible = i -> {
            byte known = state[i];
            if (known == 0) {
                known = passes(catalog, taste, query, i) ? ELIGIBLE : FILTERED;
                state[i] = known;
            }
            return known == ELIGIBLE;
        };

        // Candidates and their scores from each source, all in catalog numbering.
        Map<Integer, float[]> pool = new HashMap<>();
        int[] because = new int[0];
        float[] modelScores = null;
        float[] user = null;
        if (view != null && view.catalog() == catalog) {
            modelScores = scratch.scores;
            TopN best = new TopN(settings.modelCandidates());
            if (view.factors()) {
                user = userVector(
                        view, taste, view.model().artifact().metadata().dimensions());
                search(view, user, modelScores, best, eligible);
            } else {
                because = scoreModel(view, taste, modelScores);
                for (int i = 0; i < n; i++) {
                    float score = modelScores[i];
                    if (!Float.isNaN(score) && best.accepts(i, score) && eligible.test(i)) {
                        best.offer(i, score);
                    }
                }
            }
            addScaled(pool, best.best(), modelScores, 0);
        }
        float[] centroid = centroid(catalog, taste);
        float centroidNorm = norm(centroid);
        if (centroidNorm > 0) {
            // Sound reaches what the model cannot: tracks it does not know yet. When a request points somewhere
            // (seeds, "more like this") or there is no model, it searches the whole catalog.
            boolean everywhere = view == null || taste.hasFocus();
            TopN near = new TopN(settings.otherCandidates());
            for (int i = 0; i < n; i++) {
                if (everywhere || view.modelOf(i) < 0) {
                    float sound = Math.max(0, catalog.similarity(i, centroid, centroidNorm));
                    if (near.accepts(i, sound) && eligible.test(i)) {
                        near.offer(i, sound);
                    }
                }
            }
            // Sound similarity is on a fixed scale (a cosine): kept as it is, not stretched to 0..1.
            for (int i : near.best()) {
                pool.computeIfAbsent(i, x -> new float[SOURCES])[2] =
                        Math.max(0, catalog.similarity(i, centroid, centroidNorm));
            }
        }
        // Tags reach, like sound, what the model does not know — a listener's own tracks in no corpus, a catalog
        // without audio features — through the tags their artists share with the artists of the taste.
        TagProfile tags = TagProfile.of(catalog, taste);
        if (!tags.isEmpty()) {
            boolean everywhere = view == null || taste.hasFocus();
            TopN tagged = new TopN(settings.otherCandidates());
            for (int i = 0; i < n; i++) {
                if (everywhere || view.modelOf(i) < 0) {
                    float score = tags.score(i);
                    if (score > 0 && tagged.accepts(i, score) && eligible.test(i)) {
                        tagged.offer(i, score);
                    }
                }
            }
            int[] best = tagged.best();
            float top = best.length == 0 ? 1 : tags.score(best[0]);
            for (int i : best) {
                pool.computeIfAbsent(i, x -> new float[SOURCES])[4] = tags.score(i) / top;
            }
        }
        if (!coListed.isEmpty()) {
            float top = (float) coListed.values().stream()
                    .mapToDouble(CoListed::score)
                    .max()
                    .orElse(1);
            TopN strongest = new TopN(settings.otherCandidates());
            coListed.forEach((track, listed) -> {
                if (strongest.accepts(track, listed.score()) && eligible.test(track)) {
                    strongest.offer(track, listed.score());
                }
            });
            // Votes are heavy-tailed (a hit shares playlists with everything): the square root keeps the many tracks
            // that share a few playlists with the seeds from looking like no evidence at all.
            for (int track : strongest.best()) {
                pool.computeIfAbsent(track, x -> new float[SOURCES])[1] =
                        (float) Math.sqrt(coListed.get(track).score() / top);
            }
        }
        int popular = 0;
        float topPopularity = n == 0 ? 1 : Math.max(1e-6f, catalog.popularity(catalog.byPopularity()[0]));
        for (int i : catalog.byPopularity()) {
            if (popular >= settings.otherCandidates()) {
                break;
            }
            if (eligible.test(i)) {
                pool.computeIfAbsent(i, x -> new float[SOURCES])[3] = catalog.popularity(i) / topPopularity;
                popular++;
            }
        }
        if (pool.isEmpty()) {
            return new Result(List.of(), nothingMatches(query));
        }
        // Every candidate gets the model's view of it, not only those that came from the model.
        if (user != null) {
            for (int t : pool.keySet()) {
                int m = view.modelOf(t);
                if (Float.isNaN(modelScores[t]) && m >= 0) {
                    modelScores[t] = view.score(user, m);
                }
            }
        }
        if (modelScores != null) {
            fillModelScores(pool, modelScores);
        }

        // Relevance: the sources weighed by what the request is about.
        boolean cold = taste.isCold();
        boolean focus = taste.hasFocus();
        // Where the seeds share playlists with other tracks, that is the stronger evidence of what goes with them
        // (people put those tracks together): the model's neighbours and sound then order the rest and reach tracks
        // in no playlist. A popularity model knows nothing of the seeds, so it only breaks ties there.
        boolean listed = focus && !coListed.isEmpty();
        boolean popularityModel = view != null && POPULARITY.equals(view.model().kind());
        // A model that knows neither the listener nor any track of their taste (a history outside every corpus)
        // answers what it answers everyone: it weighs as little as for a listener with no history.
        boolean strangers = view != null && !cold && !knowsTaste(view, taste);
        float wModel = view == null ? 0 : listed ? (popularityModel ? 0.1f : 0.5f) : cold || strangers ? 0.3f : 1f;
        float wCo = focus ? 1f : 0.5f;
        float wSound = listed ? 0.4f : focus ? 0.8f : cold ? 0f : 0.3f;
        float wPop = cold ? 1f : 0.05f;
        float wTags = listed ? 0.2f : focus ? 0.4f : cold ? 0f : 0.25f;
        String[] sources = {MODEL, CO_OCCURRENCE, CONTENT, POPULARITY, TAGS};
        float[] weights = {wModel, wCo, wSound, wPop, wTags};
        int[] ids = new int[pool.size()];
        float[] relevance = new float[pool.size()];
        String[] source = new String[pool.size()];
        int at = 0;
        for (Map.Entry<Integer, float[]> e : sortedByTrack(pool)) {
            float[] s = e.getValue();
            float total = 0;
            float strongest = -1;
            String from = POPULARITY;
            for (int c = 0; c < SOURCES; c++) {
                float part = weights[c] * s[c];
                total += part;
                if (part > strongest) {
                    strongest = part;
                    from = sources[c];
                }
            }
            if (taste.likes(catalog.artist(e.getKey()))) {
                total += 0.15f;
            }
            ids[at] = e.getKey();
            relevance[at] = total;
            source[at] = from;
            at++;
        }

        List<Integer> chosen = diversify(catalog, ids, relevance, query);
        List<Pick> picks = new ArrayList<>();
        Explanations explanations = new Explanations(catalog, view, taste, query, because, coListed, tags);
        for (int c : chosen) {
            int track = ids[c];
            picks.add(new Pick(track, relevance[c], source[c], explanations.of(track, source[c])));
        }
        String message = picks.size() < query.k()
                ? "Only " + picks.size() + " of " + query.k() + " tracks fit everything asked for" + context(query)
                        + "."
                : null;
        return new Result(picks, message);
    }

    /** Whether the model has a row for the listener or knows any track of their taste. */
    private static boolean knowsTaste(ModelView view, Taste taste) {
        if (taste.userId() != null && view.model().userIndex().containsKey(taste.userId())) {
            return true;
        }
        for (Taste.Anchor anchor : taste.anchors()) {
            if (view.modelOf(anchor.track()) >= 0) {
                return true;
            }
        }
        return false;
    }

    // ---- filters

    static boolean passes(CatalogSnapshot catalog, Taste taste, Query query, int i) {
        int artist = catalog.artist(i);
        if (taste.excluded(i) || taste.banned(artist)) {
            return false;
        }
        if (query.mood() != null && !query.mood().matches(catalog, i)) {
            return false;
        }
        // Only measured values pass a range: a filled-in energy is a guess, not a fact to filter on.
        if (query.energy() != null
                && !(catalog.measured(i, AudioColumns.ENERGY)
                        && query.energy().contains(catalog.audio(i, AudioColumns.ENERGY)))) {
            return false;
        }
        if (query.tempo() != null
                && !(catalog.measured(i, AudioColumns.TEMPO)
                        && query.tempo().contains(catalog.audio(i, AudioColumns.TEMPO)))) {
            return false;
        }
        if (query.years() != null && !(catalog.year(i) > 0 && query.years().contains(catalog.year(i)))) {
            return false;
        }
        if (query.tag() != null) {
            int tag = catalog.tag(query.tag());
            if (tag < 0 || !catalog.hasTag(i, tag)) {
                return false;
            }
        }
        if (query.familiarity() == Query.Familiarity.EASY && !taste.knows(artist)) {
            return false;
        }
        return query.familiarity() != Query.Familiarity.HARD || !taste.knows(artist);
    }

    private static String nothingMatches(Query query) {
        return "No track fits everything asked for" + context(query) + "; try fewer constraints.";
    }

    private static String context(Query query) {
        List<String> parts = new ArrayList<>();
        if (query.mood() != null) {
            parts.add(query.mood().label());
        }
        if (query.tag() != null) {
            parts.add("tag '" + query.tag() + "'");
        }
        if (query.years() != null) {
            parts.add("years " + (int) query.years().min() + "–"
                    + (int) query.years().max());
        }
        if (query.energy() != null) {
            parts.add("energy " + query.energy().min() + "–" + query.energy().max());
        }
        if (query.tempo() != null) {
            parts.add("tempo " + Math.round(query.tempo().min()) + "–"
                    + Math.round(query.tempo().max()) + " BPM");
        }
        if (query.familiarity() != null) {
            parts.add(query.familiarity().name().toLowerCase(java.util.Locale.ROOT) + " familiarity");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    // ---- the model's scores

    /**
     * Vector search for a factor model: the index's clusters best first, until at least a tenth of the items (and
     * {@link #MIN_SCAN} of them) were scanned and the request's filters let {@code modelCandidates} through, or until
     * every cluster was scanned, so a strict filter still finds its tracks. The scores it gives are exact.
     */
    private void search(
            ModelView view, float[] user, float[] scores, TopN best, java.util.function.IntPredicate eligible) {
        VectorIndex index = view.model().vectors();
        VectorIndex.Search search = index.search(user);
        float[] out = Scratch.modelSpace(index.size());
        int enough = minScan(index.size());
        int passing = 0;
        while (search.hasNext() && (search.scanned() < enough || passing < settings.modelCandidates())) {
            int[] range = search.scanNext(out);
            for (int p = range[0]; p < range[1]; p++) {
                int c = view.catalogOf(index.item(p));
                if (c < 0) {
                    continue;
                }
                float score = out[p];
                scores[c] = score;
                if (eligible.test(c)) {
                    passing++;
                    if (best.accepts(c, score)) {
                        best.offer(c, score);
                    }
                }
            }
        }
    }

    /** The fewest items a vector search scans before it may stop. */
    public static final int MIN_SCAN = 4_000;

    public static int minScan(int items) {
        return Math.min(items, Math.max(MIN_SCAN, items / 10));
    }

    /**
     * Fills the model's score for every catalog track it knows (item neighbours, popularity); for item neighbours also
     * returns, per catalog track, the anchor behind most of its score (or -1).
     */
    static int[] scoreModel(ModelView view, Taste taste, float[] scores) {
        ModelArtifact artifact = view.model().artifact();
        int items = view.modelItems();
        switch (view.representation()) {
            case ModelArtifact.ITEM_NEIGHBOURS -> {
                ModelArtifact.Neighbours nb = artifact.neighbours();
                int[] because = new int[scores.length];
                Arrays.fill(because, -1);
                float[] strongest = new float[scores.length];
                boolean any = false;
                for (Taste.Anchor anchor : taste.anchors()) {
                    int from = view.modelOf(anchor.track());
                    if (from < 0) {
                        continue;
                    }
                    any = true;
                    for (int p = nb.start()[from]; p < nb.start()[from + 1]; p++) {
                        int to = view.catalogOf(nb.items()[p]);
                        if (to < 0) {
                            continue;
                        }
                        float part = anchor.weight() * nb.weights()[p];
                        scores[to] = (Float.isNaN(scores[to]) ? 0 : scores[to]) + part;
                        if (part > strongest[to]) {
                            strongest[to] = part;
                            because[to] = anchor.track();
                        }
                    }
                }
                if (!any) {
                    // Nothing to start from: the most connected tracks, a popularity of sorts.
                    for (int from = 0; from < items; from++) {
                        for (int p = nb.start()[from]; p < nb.start()[from + 1]; p++) {
                            int to = view.catalogOf(nb.items()[p]);
                            if (to >= 0) {
                                scores[to] = (Float.isNaN(scores[to]) ? 0 : scores[to]) + nb.weights()[p];
                            }
                        }
                    }
                }
                return because;
            }
            default -> {
                float[] itemScores = artifact.itemScores();
                for (int i = 0; i < items; i++) {
                    int c = view.catalogOf(i);
                    if (c >= 0) {
                        scores[c] = itemScores[i];
                    }
                }
                return new int[0];
            }
        }
    }

    /**
     * The user's point in the model's space: their trained vector when the model knows them and nothing was asked
     * for, else blended with the weighted mean of the anchors' vectors (each side scaled to unit length), so a
     * "more like this" said a second ago or a request's seeds move it at once; a listener the model never saw sits at
     * their anchors, and one with none at the mean of all tracks.
     */
    static float[] userVector(ModelView view, Taste taste, int d) {
        ModelArtifact artifact = view.model().artifact();
        float[] items = artifact.itemVectors();
        float[] anchors = new float[d];
        float weight = 0;
        for (Taste.Anchor a : taste.anchors()) {
            int m = view.modelOf(a.track());
            float norm = m < 0 ? 0 : view.model().vectors().norm(m);
            if (norm == 0) {
                continue;
            }
            float scale = a.weight() / norm;
            for (int f = 0; f < d; f++) {
                anchors[f] += scale * items[m * d + f];
            }
            weight += a.weight();
        }
        Integer row = taste.userId() == null ? null : view.model().userIndex().get(taste.userId());
        float[] user = new float[d];
        if (row != null && !taste.hasFocus()) {
            System.arraycopy(artifact.userVectors(), row * d, user, 0, d);
            if (weight > 0 && hasNonPlayed(taste)) {
                blend(user, anchors, 1f);
            }
            return user;
        }
        if (row != null) {
            System.arraycopy(artifact.userVectors(), row * d, user, 0, d);
            blend(user, anchors, 2f);
            return user;
        }
        if (weight > 0) {
            return anchors;
        }
        int count = items.length / Math.max(d, 1);
        for (int i = 0; i < count; i++) {
            for (int f = 0; f < d; f++) {
                user[f] += items[i * d + f] / count;
            }
        }
        return user;
    }

    private static boolean hasNonPlayed(Taste taste) {
        return taste.anchors().stream().anyMatch(a -> a.why() != Taste.Why.PLAYED);
    }

    /** user ← unit(user) + share × unit(other), both of length one before they are added. */
    private static void blend(float[] user, float[] other, float share) {
        float nu = norm(user);
        float no = norm(other);
        if (no == 0) {
            return;
        }
        for (int f = 0; f < user.length; f++) {
            user[f] = (nu == 0 ? 0 : user[f] / nu) + share * other[f] / no;
        }
    }

    private static void addScaled(Map<Integer, float[]> pool, int[] tracks, float[] scores, int column) {
        if (tracks.length == 0) {
            return;
        }
        float max = scores[tracks[0]];
        float min = scores[tracks[tracks.length - 1]];
        for (int t : tracks) {
            pool.computeIfAbsent(t, x -> new float[SOURCES])[column] = max == min ? 1 : (scores[t] - min) / (max - min);
        }
    }

    /** The model's scaled score for candidates that came from elsewhere, on the scale of the model's own candidates. */
    private static void fillModelScores(Map<Integer, float[]> pool, float[] modelScores) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int t : pool.keySet()) {
            float s = modelScores[t];
            if (!Float.isNaN(s)) {
                max = Math.max(max, s);
                min = Math.min(min, s);
            }
        }
        for (Map.Entry<Integer, float[]> e : pool.entrySet()) {
            float s = modelScores[e.getKey()];
            e.getValue()[0] = Float.isNaN(s) ? 0 : max == min ? 1 : (s - min) / (max - min);
        }
    }

    private static List<Map.Entry<Integer, float[]>> sortedByTrack(Map<Integer, float[]> pool) {
        List<Map.Entry<Integer, float[]>> entries = new ArrayList<>(pool.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    // ---- sound

    /** The weighted mean of the focus's unit feature vectors, else of the strongest anchors'. */
    static float[] centroid(CatalogSnapshot catalog, Taste taste) {
        float[] c = new float[AudioColumns.SIZE];
        List<Taste.Anchor> from = taste.hasFocus() ? taste.focus() : taste.anchors();
        from.stream()
                .sorted((a, b) -> Float.compare(b.weight(), a.weight()))
                .limit(ANCHORS_FOR_CENTROID)
                .forEach(a -> catalog.addUnitVector(a.track(), a.weight(), c));
        return c;
    }

    private static float norm(float[] v) {
        float sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return (float) Math.sqrt(sum);
    }

    // ---- diversity

    /**
     * Greedy maximal marginal relevance: each step takes the candidate with the best λ·relevance − (1−λ)·(its
     * highest sound similarity to a track already taken), skipping artists that reached their cap. Relevance is scaled
     * to 0..1 over the pool first so λ means the same whatever the sources.
     */
    List<Integer> diversify(CatalogSnapshot catalog, int[] ids, float[] relevance, Query query) {
        int cap = query.maxPerArtist() != null ? query.maxPerArtist() : settings.maxPerArtist();
        int poolSize = Math.min(ids.length, Math.max(query.k() * 8, 160));
        TopN top = new TopN(poolSize);
        for (int c = 0; c < ids.length; c++) {
            top.offer(c, relevance[c]);
        }
        int[] candidates = top.best();
        if (candidates.length == 0) {
            return List.of();
        }
        float max = relevance[candidates[0]];
        float min = relevance[candidates[candidates.length - 1]];
        float lambda = (float) settings.lambda();
        float[] maxSim = new float[candidates.length];
        boolean[] taken = new boolean[candidates.length];
        // The candidates' artists numbered among themselves, so the cap is checked in an array, not a map.
        int[] artistOf = new int[candidates.length];
        Map<Integer, Integer> artists = new HashMap<>();
        for (int p = 0; p < candidates.length; p++) {
            artistOf[p] = artists.computeIfAbsent(catalog.artist(ids[candidates[p]]), a -> artists.size());
        }
        int[] perArtist = new int[artists.size()];
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < query.k()) {
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < candidates.length; p++) {
                if (taken[p] || perArtist[artistOf[p]] >= cap) {
                    continue;
                }
                float rel = max == min ? 1 : (relevance[candidates[p]] - min) / (max - min);
                float value = lambda * rel - (1 - lambda) * maxSim[p];
                if (value > bestValue) {
                    bestValue = value;
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            int track = ids[candidates[best]];
            chosen.add(candidates[best]);
            perArtist[artistOf[best]]++;
            for (int p = 0; p < candidates.length; p++) {
                if (!taken[p]) {
                    maxSim[p] = Math.max(maxSim[p], Math.max(0, catalog.similarity(track, ids[candidates[p]])));
                }
            }
        }
        return chosen;
    }

    // ---- explanations

    /** "Title by Artist", or the title alone when the artist is unknown. */
    static String describe(CatalogSnapshot catalog, int track) {
        String artist = catalog.artistName(track);
        return artist == null || artist.isBlank() ? catalog.name(track) : catalog.name(track) + " by " + artist;
    }
}
