package io.spotifymate.recommender.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifymate.events.EventIds;
import io.spotifymate.events.ModelPublished;
import io.spotifymate.events.artifact.Checksums;
import io.spotifymate.events.artifact.ModelArtifact;
import io.spotifymate.recommender.client.ModelServiceClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {

    /** Serves artifacts from a map and counts fetches: an in-memory stand-in for this one-class test. */
    private static final class Artifacts extends ModelServiceClient {
        final Map<String, byte[]> byVersion = new HashMap<>();
        int fetches;

        Artifacts() {
            super(null);
        }

        @Override
        public Artifact artifact(String versionId) {
            fetches++;
            byte[] bytes = byVersion.get(versionId);
            if (bytes == null) {
                throw new IllegalStateException("404");
            }
            return new Artifact(bytes, null);
        }
    }

    private final Artifacts artifacts = new Artifacts();
    private final ModelLoader loader = new ModelLoader(artifacts);

    private static byte[] model(String... trackIds) {
        float[] scores = new float[trackIds.length];
        java.util.Arrays.fill(scores, 1);
        return ModelArtifact.popularity(
                        new ModelArtifact.Metadata(
                                "popularity",
                                ModelArtifact.POPULARITY,
                                List.of(trackIds),
                                List.of(),
                                0,
                                Map.of(),
                                2,
                                null,
                                Map.of(),
                                Map.of()),
                        scores)
                .toBytes();
    }

    private ModelPublished promotion(String version, byte[] bytes) {
        artifacts.byVersion.put(version, bytes);
        return promotion(version, Checksums.sha256(bytes), "popularity");
    }

    private static ModelPublished promotion(String version, String sha256, String kind) {
        return new ModelPublished(
                EventIds.random(), Instant.now(), 1, "recommender", version, kind, sha256, Map.of(), 1);
    }

    @Test
    void aVerifiedArtifactReplacesTheServingModel() {
        loader.load(promotion("1", model("a")));
        boolean changed = loader.load(promotion("2", model("b", "c")));

        assertThat(changed).isTrue();
        assertThat(loader.current()).hasValueSatisfying(model -> {
            assertThat(model.versionId()).isEqualTo("2");
            assertThat(model.artifact().metadata().itemIds()).containsExactly("b", "c");
        });
    }

    @Test
    void anArtifactThatDoesNotMatchItsChecksumIsRefusedAndThePreviousModelKeepsServing() {
        loader.load(promotion("1", model("a")));
        artifacts.byVersion.put("2", model("tampered"));

        assertThatThrownBy(() -> loader.load(promotion("2", "0".repeat(64), "popularity")))
                .isInstanceOf(ModelLoader.ModelLoadException.class)
                .hasMessageContaining("sha256");
        assertThat(loader.current())
                .hasValueSatisfying(model -> assertThat(model.versionId()).isEqualTo("1"));
    }

    @Test
    void anUnreadableArtifactIsRefused() {
        byte[] junk = "not a model".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> loader.load(promotion("9", junk))).isInstanceOf(ModelLoader.ModelLoadException.class);
        assertThat(loader.current()).isEmpty();
    }

    @Test
    void theVersionAlreadyServedIsNotFetchedAgain() {
        ModelPublished promotion = promotion("1", model("a"));
        loader.load(promotion);

        boolean changed = loader.load(promotion);

        assertThat(changed).isFalse();
        assertThat(artifacts.fetches).isEqualTo(1);
    }
}
