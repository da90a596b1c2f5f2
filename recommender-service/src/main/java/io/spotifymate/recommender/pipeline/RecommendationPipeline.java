package io.spotifymate.recommender.pipeline;

import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.config.RelevanceWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommendation pipeline, free of I/O so it can be tested and measured on its own, composed of its stages here:
 *
 * <ol>
 *   <li><b>filters</b> ({@link ExclusionFilter}, {@link ConstraintFilter}), checked lazily and remembered
 *       ({@link Eligibility});
 *   <li><b>candidates</b> from five {@link CandidateSource}s among what passes: the model's best ({@link
 *       ModelCandidates}), tracks that share playlists with the seeds ({@link SharedPlaylistCandidates}), tracks that
 *       sound like the seeds or the taste ({@link SoundCandidates}), tracks whose tags the taste's artists share
 *       ({@link TagCandidates}) and the popular ones ({@link PopularCandidates}), each with its evidence in one
 *       {@link CandidatePool};
 *   <li><b>relevance</b>: the evidence weighed by what the request is about ({@link Scorer});
 *   <li><b>diversity</b>: maximal marginal relevance over the sound of the tracks, at most N per artist ({@link
 *       Reranker});
 *   <li><b>explanations</b> that name what actually drove each pick ({@link Explainer});
 *   <li><b>relaxation</b> when nothing fits: the weakest constraint let go and the query tried again ({@link
 *       Relaxation}).
 * </ol>
 */
public final class RecommendationPipeline {

    /**
     * How the pipeline is tuned; the values come from {@code RecommenderConfig}.
     *
     * @param maxPerArtist the most tracks of one artist in an answer, unless the query says otherwise
     * @param lambda MMR's trade-off: 1 ranks by relevance alone, 0 by novelty alone
     * @param modelCandidates how many of the model's best tracks enter the candidate pool
     * @param otherCandidates how many enter from each of the other sources
     */
    public record Settings(int maxPerArtist, double lambda, int modelCandidates, int otherCandidates) {}

    /**
     * What the pipeline answers: the picks, best first, a note when fewer than asked could be found or a constraint
     * had to be let go, and which constraints were let go (in the order they were), empty when none.
     */
    public record Result(List<Pick> picks, String message, List<String> relaxed) {

        public Result(List<Pick> picks, String message) {
            this(picks, message, List.of());
        }
    }

    private final Settings settings;
    private final Scorer scorer;
    private final Reranker reranker;

    public RecommendationPipeline(Settings settings, RelevanceWeights weights) {
        this.settings = settings;
        this.scorer = new Scorer(weights);
        this.reranker = new Reranker(settings.maxPerArtist(), settings.lambda());
    }

    /**
     * The answer to a query. When no track fits every constraint, the weakest is let go and the query tried again,
     * and the answer says what was let go (see {@link Relaxation}).
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

    private Result answer(
            CatalogSnapshot catalog, ModelView view, Taste taste, Query query, Map<Integer, CoListed> coListed) {
        Scratch scratch = Scratch.of(catalog.size());
        Eligibility eligible = new Eligibility(
                scratch.eligibility, new ExclusionFilter(catalog, taste), new ConstraintFilter(catalog, taste, query));

        ModelCandidates model = view != null && view.catalog() == catalog
                ? new ModelCandidates(view, taste, scratch, settings.modelCandidates())
                : null;
        TagProfile tags = TagProfile.of(catalog, taste);
        int others = settings.otherCandidates();
        List<CandidateSource> sources = new ArrayList<>(5);
        if (model != null) {
            sources.add(model);
        }
        sources.add(new SoundCandidates(catalog, view, taste, others));
        sources.add(new TagCandidates(catalog, view, taste, tags, others));
        sources.add(new SharedPlaylistCandidates(coListed, others));
        sources.add(new PopularCandidates(catalog, others));
        CandidatePool pool = scratch.pool;
        for (CandidateSource source : sources) {
            source.addCandidates(pool, eligible);
        }
        if (pool.isEmpty()) {
            return new Result(List.of(), nothingMatches(query));
        }
        if (model != null) {
            model.rateEveryCandidate(pool);
        }

        Scorer.Scored scored = scorer.score(catalog, view, taste, !coListed.isEmpty(), pool);
        List<Integer> order = reranker.rerank(catalog, scored.tracks(), scored.relevance(), query);
        Explainer explainer = new Explainer(
                catalog, view, taste, query, model == null ? new int[0] : model.because(), coListed, tags);
        List<Pick> picks = new ArrayList<>();
        for (int c : order) {
            int track = scored.tracks()[c];
            Evidence strongest = scored.strongest()[c];
            picks.add(new Pick(track, scored.relevance()[c], strongest.label(), explainer.of(track, strongest)));
        }
        String message = picks.size() < query.k()
                ? "Only " + picks.size() + " of " + query.k() + " tracks fit everything asked for" + context(query)
                        + "."
                : null;
        return new Result(picks, message);
    }

    private static String nothingMatches(Query query) {
        return "No track fits everything asked for" + context(query) + "; try fewer constraints.";
    }

    /** The query's constraints in words, " (calm, tag 'jazz', years 1990–1999)", or "" when it has none. */
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
            parts.add(query.familiarity().name().toLowerCase(Locale.ROOT) + " familiarity");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
