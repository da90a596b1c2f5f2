package io.spotifymate.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The two-tower network learns the groups, gives unplayed tracks vectors from their features, and reloads exactly. */
class PreferenceNetworkTest {

    /** The two groups of {@link ModelsTest}, plus one track of each group that nobody has played. */
    private static Interactions withColdItems() {
        Interactions.Builder builder = Interactions.builder();
        Interactions groups = ModelsTest.twoGroups();
        for (int i = 0; i < groups.items(); i++) {
            builder.item(groups.itemId(i));
        }
        builder.item("cold-first-group");
        builder.item("cold-second-group");
        for (int u = 0; u < groups.users(); u++) {
            for (int p = groups.start(u); p < groups.end(u); p++) {
                builder.add(groups.userId(u), groups.itemId(groups.item(p)), groups.strength(p));
            }
        }
        return builder.build();
    }

    /** Side features: which group a track belongs to, and a constant. */
    private static float[][] groupFeatures(Interactions train) {
        float[][] side = new float[train.items()][3];
        for (int i = 0; i < train.items(); i++) {
            String id = train.itemId(i);
            boolean first =
                    id.equals("cold-first-group") || (!id.startsWith("cold") && Integer.parseInt(id.substring(4)) < 10);
            side[i][first ? 0 : 1] = 1;
            side[i][2] = 1;
        }
        return side;
    }

    private static PreferenceNetwork network(Interactions train, int epochs) {
        return new PreferenceNetwork(
                new PreferenceNetwork.Settings(8, 4, 0.02, 1e-3, 64, epochs, epochs, 60_000, 11),
                groupFeatures(train),
                null);
    }

    @Test
    void learnsTheGroupsAndScoresUnplayedTracksByTheirFeatures() {
        Interactions train = withColdItems();
        PreferenceNetwork network = network(train, 25);
        FactorScorer scorer = network.fit(train);

        float[] scores = new float[train.items()];
        int coldFirst = train.itemIds().indexOf("cold-first-group");
        int coldSecond = train.itemIds().indexOf("cold-second-group");
        int groupRightOverWrong = 0;
        for (int user = 0; user < train.users(); user++) {
            scorer.score(user, scores);
            boolean firstGroup = user < 20;
            float own = firstGroup ? scores[coldFirst] : scores[coldSecond];
            float other = firstGroup ? scores[coldSecond] : scores[coldFirst];
            assertThat(own)
                    .as("user %d: the unplayed track of their group above the other group's", user)
                    .isGreaterThan(other);
            int[] top = TopK.of(scores, 2, train.itemsOf(user));
            for (int item : top) {
                String id = train.itemId(item);
                boolean itemFirst = id.equals("cold-first-group")
                        || (!id.startsWith("cold") && Integer.parseInt(id.substring(4)) < 10);
                if (itemFirst == firstGroup) {
                    groupRightOverWrong++;
                }
            }
        }
        assertThat(groupRightOverWrong)
                .as("top-2 items from the user's own group")
                .isEqualTo(2 * train.users());
        assertThat(network.lastTraining().epochs()).isEqualTo(25);
    }

    @Test
    void theSavedNetworkReloadsToTheSameVectors() throws Exception {
        Interactions train = withColdItems();
        PreferenceNetwork network = network(train, 3);
        Factors trained = network.fit(train).factors();

        ComputationGraph reloaded =
                ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(network.lastNetworkBytes()), false);
        Factors again = PreferenceNetwork.factors(reloaded, Nd4j.create(groupFeatures(train)));
        assertThat(again.users()).containsExactly(trained.users());
        assertThat(again.items()).containsExactly(trained.items());
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        Interactions train = withColdItems();
        Factors a = network(train, 2).fit(train).factors();
        Factors b = network(train, 2).fit(train).factors();
        assertThat(a.items()).containsExactly(b.items());
    }
}
