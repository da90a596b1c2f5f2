package io.spotifymate.recommender.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spotifymate.recommender.Recommendations;
import io.spotifymate.recommender.ServingModel;
import io.spotifymate.recommender.catalog.AudioColumns;
import io.spotifymate.recommender.catalog.Catalog;
import io.spotifymate.recommender.catalog.CatalogSnapshot;
import io.spotifymate.recommender.config.RecommenderConfig;
import io.spotifymate.recommender.config.RelevanceWeights;
import io.spotifymate.recommender.messaging.ServedPublisher;
import io.spotifymate.recommender.pipeline.CoListed;
import io.spotifymate.recommender.pipeline.ModelView;
import io.spotifymate.recommender.pipeline.Pick;
import io.spotifymate.recommender.pipeline.Query;
import io.spotifymate.recommender.pipeline.Reason;
import io.spotifymate.recommender.pipeline.RecommendationPipeline;
import io.spotifymate.recommender.pipeline.Taste;
import io.spotifymate.recommender.repository.CoListing;
import io.spotifymate.recommender.user.FeedbackOverlay;
import io.spotifymate.recommender.user.UserHistories;
import io.spotifymate.recommender.user.UserHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gathers what a recommendation needs (the catalog, the serving model in the catalog's numbering, the user's history
 * with the feedback given since, the seeds' playlist neighbours), runs the {@link RecommendationPipeline} and records
 * what was shown.
 */
@ApplicationScoped
public class RecommendationService {

    /** Where recommendations were shown, as the served event records it. */
    public static final String RECOMMENDATIONS = "recommendations";

    public static final String CONTINUATION = "continuation";
    public static final String PLAYLIST = "playlist";
    /** At most this many seeds are looked up in the playlist index per request. */
    private static final int CO_LISTING_SEEDS = 5;

    private final ModelLoader models;
    private final Catalog catalog;
    private final UserHistories histories;
    private final FeedbackOverlay overlay;
    private final CoListing coListing;
    private final ServedPublisher served;
    private final RecommenderConfig config;
    private final RecommendationPipeline pipeline;
    private final Clock clock = Clock.systemUTC();
    private volatile ModelView view;
    private volatile ModelView previousView;

    public RecommendationService(
            ModelLoader models,
            Catalog catalog,
            UserHistories histories,
            FeedbackOverlay overlay,
            CoListing coListing,
            ServedPublisher served,
            RecommenderConfig config,
            RelevanceWeights weights) {
        this.models = models;
        this.catalog = catalog;
        this.histories = histories;
        this.overlay = overlay;
        this.coListing = coListing;
        this.served = served;
        this.config = config;
        this.pipeline = new RecommendationPipeline(
                new RecommendationPipeline.Settings(
                        config.maxPerArtist(),
                        config.diversityLambda(),
                        config.modelCandidates(),
                        config.otherCandidates()),
                weights);
    }

    /** Recommendations for a user, or for nobody in particular when {@code userId} is null (continuation). */
    public Recommendations recommend(String userId, Query query, String surface) {
        Answer answer = answer(userId, query);
        String requestId = UUID.randomUUID().toString();
        served.publish(requestId, userId == null ? "anonymous" : userId, surface, answer, query);
        return toResponse(userId, requestId, answer);
    }

    /** The pipeline's answer with the catalog and model it was made from. */
    public record Answer(
            CatalogSnapshot catalog, ServingModel model, List<Pick> picks, String message, List<String> relaxed) {}

    /** Runs the pipeline without recording anything: playlist generation asks for a wide pool first. */
    public Answer answer(String userId, Query query) {
        CatalogSnapshot snapshot = catalog.current();
        if (snapshot.size() == 0) {
            // Before the first read, or on a store with no catalog yet: tried once a second, not by every request.
            snapshot = catalog.updateAtMostEvery(Duration.ofSeconds(1));
        }
        Optional<ServingModel> model = models.current();
        ModelView modelView = model.map(m -> viewOf(m, catalog.current())).orElse(null);
        if (modelView != null) {
            snapshot = modelView.catalog();
        }
        UserHistory history = userId == null ? UserHistory.empty(null) : histories.of(userId);
        Taste taste = Taste.of(
                snapshot,
                history,
                FeedbackOverlay.latest(history.feedback(), userId == null ? List.of() : overlay.of(userId)),
                query,
                clock.instant(),
                config.skipMemory(),
                config.tasteTracks());
        RecommendationPipeline.Result result =
                pipeline.recommend(snapshot, modelView, taste, query, coListed(snapshot, taste));
        String message = result.message();
        if (model.isEmpty()) {
            message = (taste.isCold()
                            ? "No model has been published yet: these are the most popular tracks here"
                            : "No model has been published yet: these are popular tracks here and ones that sound "
                                    + "like what you play")
                    + (message == null ? "." : ". " + message);
        } else if (taste.isCold() && userId != null && message == null) {
            message = "You have no plays yet: these are popular here. Pick a few artists you like "
                    + "(POST /api/users/" + userId + "/onboarding) for personal picks at once.";
        }
        return new Answer(snapshot, model.orElse(null), result.picks(), message, result.relaxed());
    }

    /** A catalog track as an item (for adding it to a playlist by hand), or empty when the catalog lacks it. */
    public Optional<Recommendations.Item> describe(String trackId) {
        CatalogSnapshot snapshot = catalog.current();
        int track = snapshot.index(trackId);
        if (track < 0) {
            return Optional.empty();
        }
        return Optional.of(item(snapshot, new Pick(track, 0, "user", List.of())));
    }

    /** A model is about to be served: its view of the current catalog is built now, not by the first request. */
    void prepare(@Observes ServingModel next) {
        viewOf(next, catalog.current());
    }

    /** A catalog is about to be served: the current model's view of it is built now. */
    void prepare(@Observes CatalogSnapshot next) {
        models.current().ifPresent(model -> viewOf(model, next));
    }

    /**
     * The model's view of the catalog, built once per pair. The last two pairs are kept: during a swap a request may
     * still hold the previous model or catalog, and must not throw away the view just built for the next.
     */
    private ModelView viewOf(ServingModel model, CatalogSnapshot snapshot) {
        ModelView latest = view;
        if (latest != null && latest.isFor(model, snapshot)) {
            return latest;
        }
        ModelView older = previousView;
        if (older != null && older.isFor(model, snapshot)) {
            return older;
        }
        synchronized (this) {
            if (view != null && view.isFor(model, snapshot)) {
                return view;
            }
            ModelView built = ModelView.of(model, snapshot);
            previousView = view;
            view = built;
            return built;
        }
    }

    /** Playlist neighbours of the taste's focus (seeds, "more like this"), or of what the user just liked. */
    private Map<Integer, CoListed> coListed(CatalogSnapshot snapshot, Taste taste) {
        List<Taste.Anchor> seeds = taste.hasFocus()
                ? taste.focus()
                : taste.anchors().stream()
                        .filter(a -> a.why() == Taste.Why.LIKED)
                        .toList();
        Map<Integer, CoListed> result = new HashMap<>();
        for (Taste.Anchor seed : seeds.stream().limit(CO_LISTING_SEEDS).toList()) {
            NeighboursInCatalog neighbours =
                    NeighboursInCatalog.of(snapshot, coListing.neighbours(snapshot.trackId(seed.track())));
            for (int i = 0; i < neighbours.tracks().length; i++) {
                float score = neighbours.votes()[i] * seed.weight();
                result.merge(
                        neighbours.tracks()[i],
                        new CoListed(score, seed.track(), neighbours.playlists()[i]),
                        CoListed::plus);
            }
        }
        return result;
    }

    /**
     * A seed's playlist neighbours in one catalog's numbering, looked up once per cached neighbour map and snapshot:
     * a popular seed has thousands, and looking each up by id on every request of a continuation cost more than
     * ranking them.
     */
    private record NeighboursInCatalog(CatalogSnapshot catalog, int[] tracks, float[] votes, int[] playlists) {

        /** By neighbour map (the very instance, which {@link CoListing} caches per seed), the last one made. */
        private static final Cache<Map<String, CoListing.Shared>, NeighboursInCatalog> MADE =
                Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

        static NeighboursInCatalog of(CatalogSnapshot catalog, Map<String, CoListing.Shared> neighbours) {
            NeighboursInCatalog made = MADE.getIfPresent(neighbours);
            if (made == null || made.catalog() != catalog) {
                int[] tracks = new int[neighbours.size()];
                float[] votes = new float[neighbours.size()];
                int[] playlists = new int[neighbours.size()];
                int n = 0;
                for (Map.Entry<String, CoListing.Shared> neighbour : neighbours.entrySet()) {
                    int track = catalog.index(neighbour.getKey());
                    if (track >= 0) {
                        tracks[n] = track;
                        playlists[n] = neighbour.getValue().playlists();
                        votes[n++] = neighbour.getValue().vote();
                    }
                }
                made = new NeighboursInCatalog(
                        catalog, Arrays.copyOf(tracks, n), Arrays.copyOf(votes, n), Arrays.copyOf(playlists, n));
                MADE.put(neighbours, made);
            }
            return made;
        }
    }

    private static Recommendations toResponse(String userId, String requestId, Answer answer) {
        CatalogSnapshot c = answer.catalog();
        List<Recommendations.Item> items =
                answer.picks().stream().map(p -> item(c, p)).toList();
        return new Recommendations(
                userId,
                requestId,
                answer.model() == null ? Recommendations.Status.FALLBACK : Recommendations.Status.OK,
                answer.model() == null ? null : answer.model().versionId(),
                answer.model() == null ? "popularity-fallback" : answer.model().kind(),
                items,
                answer.message(),
                answer.relaxed());
    }

    public static Recommendations.Item item(CatalogSnapshot c, Pick p) {
        int t = p.track();
        return new Recommendations.Item(
                c.trackId(t),
                c.name(t),
                c.artistName(t),
                c.year(t) > 0 ? c.year(t) : null,
                c.durationMs(t) >= 0 ? c.durationMs(t) : null,
                c.measured(t, AudioColumns.ENERGY) ? round(c.audio(t, AudioColumns.ENERGY), 3) : null,
                c.measured(t, AudioColumns.TEMPO) ? round(c.audio(t, AudioColumns.TEMPO), 1) : null,
                round(p.score(), 4),
                p.source(),
                p.reasons().stream().map(Reason::text).collect(Collectors.joining("; ")),
                p.reasons());
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
