package io.spotifymate.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.model.ranking.Ease;
import io.spotifymate.model.ranking.Ials;
import io.spotifymate.model.ranking.Interactions;
import io.spotifymate.model.ranking.ItemKnn;
import io.spotifymate.model.ranking.ModelsTest;
import io.spotifymate.model.ranking.Popularity;
import io.spotifymate.model.ranking.PreferenceNetwork;
import io.spotifymate.model.ranking.Recommender;
import io.spotifymate.model.ranking.Scorer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind's artifact reloads to exactly the scores it was made from, and the same model gives the same bytes. */
class ArtifactsTest {

    private static final Artifacts.Context CONTEXT =
            new Artifacts.Context(2, "stats-1", Map.of("energy", Map.of("method", "Z_SCORE", "mean", 0.5)));

    @Test
    void everyKindReloadsToTheSameScores() {
        Interactions train = ModelsTest.twoGroups();
        float[][] side = new float[train.items()][2];
        for (int i = 0; i < train.items(); i++) {
            side[i][Integer.parseInt(train.itemId(i).substring(4)) < 10 ? 0 : 1] = 1;
        }
        List<Recommender> models = List.of(
                new Popularity(),
                new ItemKnn(10, 1),
                new Ease(5, 6),
                new Ials(8, 4, 1, 0.5, 4, 1),
                new PreferenceNetwork(
                        new PreferenceNetwork.Settings(8, 2, 0.02, 1e-3, 64, 2, 2, 60_000, 1), side, null));
        for (Recommender model : models) {
            Scorer fitted = model.fit(train);
            byte[] network = model instanceof PreferenceNetwork n ? n.lastNetworkBytes() : null;
            byte[] bytes = Artifacts.of(model.kind(), model.hyperparameters(), fitted, train, CONTEXT, network)
                    .toBytes();
            byte[] again = Artifacts.of(model.kind(), model.hyperparameters(), fitted, train, CONTEXT, network)
                    .toBytes();
            assertThat(Checksums.sha256(again)).as(model.kind()).isEqualTo(Checksums.sha256(bytes));

            ModelArtifact reloaded = ModelArtifact.fromBytes(bytes);
            assertThat(reloaded.metadata().kind()).isEqualTo(model.kind());
            assertThat(reloaded.metadata().normalisationId()).isEqualTo("stats-1");
            assertThat(reloaded.metadata().confidence()).containsEntry("partial", Confidence.PARTIAL_PLAY);
            Scorer served = Artifacts.scorer(reloaded, train);
            float[] expected = new float[train.items()];
            float[] actual = new float[train.items()];
            for (int user = 0; user < train.users(); user++) {
                fitted.score(user, expected);
                served.score(user, actual);
                assertThat(actual).as("%s, user %d", model.kind(), user).containsExactly(expected);
            }
        }
    }

    @Test
    void aCutArtifactIsRefusedWithTheEntryNamed() {
        Interactions train = ModelsTest.twoGroups();
        byte[] bytes = Artifacts.of("ials", Map.of(), new Ials(4, 4, 1, 0.5, 2, 1).fit(train), train, CONTEXT, null)
                .toBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ModelArtifact.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredFactorArtifactHoldsListenersRowsOnlyAndScoresThemTheSame() {
        Interactions.Builder builder = Interactions.builder();
        Interactions groups = ModelsTest.twoGroups();
        for (int user = 0; user < groups.users(); user++) {
            // Half the users as listeners, half as the playlists' pseudo-users.
            String id = user % 2 == 0 ? "listener" + user : PseudoUsers.ofPlaylist("mpd:" + user);
            for (int p = groups.start(user); p < groups.end(user); p++) {
                builder.add(id, groups.itemId(groups.item(p)), groups.strength(p));
            }
        }
        Interactions train = builder.build();
        Scorer fitted = new Ials(8, 4, 1, 0.5, 4, 1).fit(train);

        ModelArtifact stored = ModelArtifact.fromBytes(
                Artifacts.of("ials", Map.of(), fitted, train, CONTEXT, null, PseudoUsers::isListener)
                        .toBytes());

        assertThat(stored.metadata().userIds()).hasSize(20).allMatch(PseudoUsers::isListener);
        Scorer served = Artifacts.scorer(stored, train);
        float[] expected = new float[train.items()];
        float[] actual = new float[train.items()];
        for (int user = 0; user < train.users(); user++) {
            fitted.score(user, expected);
            served.score(user, actual);
            if (PseudoUsers.isListener(train.userId(user))) {
                assertThat(actual).as(train.userId(user)).containsExactly(expected);
            } else {
                assertThat(actual)
                        .as("a pseudo-user is unknown to the stored artifact")
                        .containsOnly(0f);
            }
        }
    }
}
