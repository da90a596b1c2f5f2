package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.model.ranking.Evaluation;
import io.spotifymate.model.ranking.Ials;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.ItemKnn;
import io.spotifymate.model.ranking.Popularity;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The installation the feature was asked for: one listener with 8,611 plays and an imported corpus of 5,000
 * playlists. A round over it (assembled, judged and gated as {@code ModelService} does, without the store and the
 * registry) serves that listener a personal model, judged on playlists, with their plays all in training.
 */
class SmallInstallationTest {

    private static final int CLUSTERS = 20;
    private static final int PER_CLUSTER = 100;

    /** A track's rank within its cluster drawn with a Zipf-like skew: a few hits, a long tail. */
    private static String track(SplittableRandom random, int cluster) {
        int rank = (int) (Math.pow(random.nextDouble(), 2.5) * PER_CLUSTER);
        return String.format("spotify:track:c%02d-%03d", cluster, rank);
    }

    private static TrainingData installation() {
        SplittableRandom random = new SplittableRandom(8_611);
        TrainingData.Assembler assembler = new TrainingData.Assembler(0);
        for (int c = 0; c < CLUSTERS; c++) {
            for (int r = 0; r < PER_CLUSTER; r++) {
                assembler.catalogTrack(String.format("spotify:track:c%02d-%03d", c, r), new float[0]);
            }
        }
        // The listener: 8,611 plays over a year, mostly from three clusters.
        int[] favourite = {3, 7, 11};
        for (int play = 0; play < 8_611; play++) {
            int cluster = random.nextInt(10) < 9 ? favourite[random.nextInt(3)] : random.nextInt(CLUSTERS);
            assembler.listenerTrack("ana", track(random, cluster), 1, 1_700_000_000_000L + play * 3_600_000L);
        }
        for (int p = 0; p < 5_000; p++) {
            int cluster = random.nextInt(CLUSTERS);
            int length = 10 + random.nextInt(40);
            List<String> tracks = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                tracks.add(track(random, random.nextInt(10) < 8 ? cluster : random.nextInt(CLUSTERS)));
            }
            assembler.playlist("mpd:" + p, tracks);
        }
        return assembler.build(null, Map.of());
    }

    @Test
    void oneListenerWith8kPlaysAnd5000PlaylistsIsServedAPersonalModelJudgedOnPlaylists() {
        TrainingData data = installation();
        Interactions all = data.interactions();
        assertThat(data.listeners()).isEqualTo(1);
        assertThat(data.pseudoUsers()).isEqualTo(5_000);

        Judging judging = Judging.of(all, 0.2, 1);
        Split split = judging.split();
        int ana = all.userIds().indexOf("ana");
        assertThat(judging.population()).isEqualTo(Judging.Population.PLAYLISTS);
        assertThat(split.train().count(ana)).isEqualTo(all.count(ana));

        Map<String, Double> ndcg = new LinkedHashMap<>();
        for (Recommender model : List.of(new Popularity(), new ItemKnn(200, 10), new Ials(32, 16, 1, 200, 6, 1))) {
            ndcg.put(
                    model.kind(), Evaluation.of(split, model.fit(split.train())).ndcg10());
        }
        PromotionGate.Decision decision = PromotionGate.decide(
                ndcg,
                Optional.empty(),
                Optional.empty(),
                new PromotionGate.Round(
                        judging.description(), data.listenersWithAtLeast(PromotionGate.LISTENER_HISTORY)));

        assertThat(decision.servedKind()).as("scores %s", ndcg).isIn("item-knn", "ials");
        assertThat(decision.reason()).contains("judged on 1,000 imported playlists' held-out tracks");
        // On playlists built from clusters, what co-occurs beats the charts by its score alone.
        assertThat(ndcg.get(decision.servedKind())).isGreaterThan(ndcg.get("popularity"));
    }
}
