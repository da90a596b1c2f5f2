package io.spotifymate.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spotifymate.events.datasets.SharedDatasets;
import io.spotifymate.model.ranking.Ials;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.ItemKnn;
import io.spotifymate.model.ranking.Popularity;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Scorer;
import io.spotifymate.model.ranking.TopK;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A few-user installation on a public corpus, as the models see it: the Last.fm HetRec listeners are the corpus
 * (pseudo-users), and 20 of them are taken out and replaced by real-looking listeners — a two-year play history drawn
 * from each one's own artists in proportion to their play counts, each artist discovered at some point of the two
 * years, so favourites come back again and again while new artists keep turning up. Each listener's first 80% of plays is their history; the artists they first play in the
 * last 20% are what a good recommender finds. The personal models, trained with the corpus, must find those later
 * artists in their top 50 at least twice as often as the popularity model does.
 */
class ListenerOnCorpusTest {

    private static final int LISTENERS = 20;
    private static final int PLAYS = 3_000;
    private static final double HISTORY_SHARE = 0.8;
    private static final int TOP = 50;

    /** A listener's generated history and the artists they only found later, in the corpus's item ids. */
    private record Listener(String userId, Map<String, Integer> history, Set<String> later) {}

    @Test
    void aListenersLaterArtistsAreFoundTwiceAsOftenAsByPopularity() {
        Interactions corpus = HetrecData.load(hetrec(), 1).interactions();
        Random random = new Random(2011);
        List<Integer> candidates = new ArrayList<>();
        for (int u = 0; u < corpus.users(); u++) {
            if (corpus.count(u) >= 40) {
                candidates.add(u);
            }
        }
        java.util.Collections.shuffle(candidates, random);
        Set<Integer> replaced = new HashSet<>(candidates.subList(0, LISTENERS));

        Interactions.Builder training = Interactions.builder();
        for (int item = 0; item < corpus.items(); item++) {
            training.item(corpus.itemId(item));
        }
        List<Listener> listeners = new ArrayList<>();
        for (int u = 0; u < corpus.users(); u++) {
            if (!replaced.contains(u)) {
                for (int p = corpus.start(u); p < corpus.end(u); p++) {
                    training.add(corpus.userId(u), corpus.itemId(corpus.item(p)), corpus.strength(p));
                }
                continue;
            }
            Listener listener = listenerFrom(corpus, u, random);
            if (!listener.later().isEmpty()) {
                listeners.add(listener);
            }
            listener.history().forEach((item, plays) -> training.add(listener.userId(), item, plays));
        }
        Interactions train = training.build();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < train.items(); i++) {
            itemIndex.put(train.itemId(i), i);
        }
        Map<String, Integer> userIndex = new HashMap<>();
        for (int u = 0; u < train.users(); u++) {
            userIndex.put(train.userId(u), u);
        }

        Map<String, Recommender> models = new LinkedHashMap<>();
        models.put("popularity", new Popularity());
        models.put("item-knn", new ItemKnn(200, 10));
        models.put("ials", new Ials(128, 16, 1, 200, 12, 7));
        Map<String, Double> recall = new LinkedHashMap<>();
        for (Map.Entry<String, Recommender> model : models.entrySet()) {
            Scorer scorer = model.getValue().fit(train);
            double[] perListener = new double[listeners.size()];
            for (int l = 0; l < listeners.size(); l++) {
                Listener listener = listeners.get(l);
                float[] scores = new float[train.items()];
                scorer.score(userIndex.get(listener.userId()), scores);
                int[] played = listener.history().keySet().stream()
                        .mapToInt(itemIndex::get)
                        .sorted()
                        .toArray();
                int found = 0;
                for (int item : TopK.of(scores, TOP, played)) {
                    if (listener.later().contains(train.itemId(item))) {
                        found++;
                    }
                }
                perListener[l] = (double) found / listener.later().size();
            }
            recall.put(model.getKey(), Arrays.stream(perListener).average().orElse(0));
        }
        System.out.printf(
                Locale.ROOT,
                "[listener-on-corpus] %d listeners, %d plays each, later artists found in the top %d: %s%n",
                listeners.size(),
                PLAYS,
                TOP,
                recall);

        assertThat(listeners).as("listeners who found new artists late").hasSizeGreaterThan(LISTENERS / 2);
        double popularity = recall.get("popularity");
        assertThat(recall.get("item-knn")).as("item-kNN against popularity").isGreaterThanOrEqualTo(2 * popularity);
        assertThat(recall.get("ials")).as("iALS against popularity").isGreaterThanOrEqualTo(2 * popularity);
    }

    /**
     * A listener from corpus user {@code u}: {@link #PLAYS} plays in time order, each of an artist already discovered
     * by then (each artist is discovered at a random point of the two years, the most played at the start), drawn
     * by the artist's play count; the history is the first {@link #HISTORY_SHARE} of them, and "later" the artists
     * first met after it.
     */
    private static Listener listenerFrom(Interactions corpus, int u, Random random) {
        int n = corpus.count(u);
        String[] items = new String[n];
        double[] weights = new double[n];
        double[] discovered = new double[n];
        int favourite = 0;
        for (int i = 0; i < n; i++) {
            int p = corpus.start(u) + i;
            items[i] = corpus.itemId(corpus.item(p));
            weights[i] = corpus.strength(p);
            discovered[i] = random.nextDouble();
            if (weights[i] > weights[favourite]) {
                favourite = i;
            }
        }
        discovered[favourite] = 0;
        Map<String, Integer> history = new HashMap<>();
        Set<String> later = new HashSet<>();
        int cut = (int) (PLAYS * HISTORY_SHARE);
        for (int play = 0; play < PLAYS; play++) {
            double now = (double) play / PLAYS;
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += discovered[i] <= now ? weights[i] : 0;
            }
            double pick = random.nextDouble() * total;
            int drawn = favourite;
            for (int i = 0; i < n; i++) {
                if (discovered[i] <= now) {
                    pick -= weights[i];
                    if (pick < 0) {
                        drawn = i;
                        break;
                    }
                }
            }
            if (play < cut) {
                history.merge(items[drawn], 1, Integer::sum);
            } else if (!history.containsKey(items[drawn])) {
                later.add(items[drawn]);
            }
        }
        return new Listener("listener:" + corpus.userId(u), history, later);
    }

    private static Path hetrec() {
        Optional<Path> dir = SharedDatasets.find(SharedDatasets.LASTFM_HETREC);
        assumeThat(dir).as(SharedDatasets.missing(SharedDatasets.LASTFM_HETREC)).isPresent();
        return dir.get();
    }
}
