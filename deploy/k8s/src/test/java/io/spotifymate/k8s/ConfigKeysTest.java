package io.spotifymate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manifests set only settings the services read, and every setting a cluster needs. */
class ConfigKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyVariableTheManifestsSetIsReadByItsServiceAndNoneNeededIsMissing(String overlay) {
        List<Map<String, Object>> docs = ManifestsTest.render(overlay);
        for (String service : ManifestsTest.SERVICES) {
            ServiceSettings settings = new ServiceSettings(Path.of("../..", service));
            Set<String> set = environment(docs, service);
            assertThat(set)
                    .as("%s sets variables that %s never reads", overlay, service)
                    .isSubsetOf(settings.read);
            assertThat(set)
                    .as("%s leaves required settings of %s unset", overlay, service)
                    .containsAll(settings.required());
        }
    }

    @Test
    void aVariableNoServiceReadsIsFound() {
        ServiceSettings settings = new ServiceSettings(Path.of("../../recommender-service"));
        assertThat(settings.read)
                .contains("SPOTIFYMATE_KAFKA_BOOTSTRAP", "SPOTIFYMATE_RECOMMENDER_MAX_PER_ARTIST", "QUARKUS_HTTP_PORT")
                .doesNotContain("SPOTIFYMATE_RECOMENDER_MAX_PER_ARTIST", "SPOTIFYMATE_LLM_API_KEY");
        assertThat(settings.required()).contains("SPOTIFYMATE_KAFKA_BOOTSTRAP", "SPOTIFYMATE_SERVICE_KEY");
    }

    @Test
    void aVariableNamedForAKeyIsReadAndRequiredByTheDefaultTheKeyHasInItsMapping() {
        ServiceSettings features = new ServiceSettings(Path.of("../../feature-service"));
        assertThat(features.read)
                .as("named in META-INF/spotifymate-environment.properties")
                .contains("SPOTIFYMATE_FEATURES_QUIET", "SPOTIFYMATE_FEATURES_RECOMPUTE_THREADS")
                .doesNotContain("SPOTIFYMATE_FEATURES_USER_QUIET");
        ServiceSettings ingestion = new ServiceSettings(Path.of("../../ingestion-service"));
        assertThat(ingestion.required())
                .as("an optional key with nothing set, and a default that points at this machine")
                .contains("SPOTIFYMATE_TOKEN_KEY", "SPOTIFYMATE_SPOTIFY_REDIRECT_URI")
                .doesNotContain("SPOTIFYMATE_SPOTIFY_ACCOUNTS_URL", "SPOTIFYMATE_SPOTIFY_CLIENT_ID");
        ServiceSettings chat = new ServiceSettings(Path.of("../../chat-gateway"));
        assertThat(chat.read).contains("SPOTIFYMATE_LLM_API_KEY", "OPENAI_API_KEY", "SPOTIFYMATE_SESSION_LENGTH");
        assertThat(chat.required())
                .as("the LLM is optional; its key has a fallback variable")
                .doesNotContain("SPOTIFYMATE_LLM_API_KEY", "OPENAI_API_KEY", "SPOTIFYMATE_LLM_PROVIDER");
    }

    /** The variables a service's container gets: its ConfigMap's keys (envFrom) and its env entries. */
    static Set<String> environment(List<Map<String, Object>> docs, String service) {
        Set<String> names = new TreeSet<>();
        Map<String, Object> container = Workloads.containers(ManifestsTest.find(docs, "Deployment", service))
                .get(0);
        for (Object source : Kustomize.list(container.get("envFrom"))) {
            String configMap = (String)
                    Kustomize.map(Kustomize.map(source).get("configMapRef")).get("name");
            names.addAll(Kustomize.map(
                            ManifestsTest.find(docs, "ConfigMap", configMap).get("data"))
                    .keySet());
        }
        Kustomize.list(container.get("env"))
                .forEach(env -> names.add((String) Kustomize.map(env).get("name")));
        return names;
    }
}
