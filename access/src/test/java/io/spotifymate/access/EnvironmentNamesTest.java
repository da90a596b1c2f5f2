package io.spotifymate.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting read from its documented environment variable, with its one default where the key is declared. */
class EnvironmentNamesTest {

    private static final String QUIET = "spotifymate.features.user-quiet";
    private static final String API_KEY = "spotifymate.chat.llm.api-key";

    private static final EnvironmentNames NAMES = new EnvironmentNames(Map.of(
            QUIET, List.of("SPOTIFYMATE_FEATURES_QUIET"),
            API_KEY, List.of("SPOTIFYMATE_LLM_API_KEY", "OPENAI_API_KEY")));

    /** Sources ranked as Quarkus ranks them: application.properties 250, the environment 300, system properties 400. */
    private static SmallRyeConfig config(
            Map<String, String> properties, Map<String, String> environment, Map<String, String> system) {
        return new SmallRyeConfigBuilder()
                .withDefaultValue(QUIET, "300ms")
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new PropertiesConfigSource(system, "system properties", 400))
                .withInterceptors(NAMES)
                .build();
    }

    @Test
    void theDocumentedVariableSetsTheKeyAndItsDefaultHoldsWhenNothingIsSet() {
        assertThat(config(Map.of(), Map.of("SPOTIFYMATE_FEATURES_QUIET", "1s"), Map.of())
                        .getValue(QUIET, String.class))
                .isEqualTo("1s");
        assertThat(config(Map.of(), Map.of(), Map.of()).getValue(QUIET, String.class))
                .as("the mapping's default")
                .isEqualTo("300ms");
        assertThat(config(Map.of(), Map.of("SOMETHING_ELSE", "1s"), Map.of()).getValue(QUIET, String.class))
                .isEqualTo("300ms");
    }

    @Test
    void theVariableBeatsApplicationPropertiesAndASystemPropertyOfTheKeyBeatsTheVariable() {
        Map<String, String> environment = Map.of("SPOTIFYMATE_FEATURES_QUIET", "1s");
        assertThat(config(Map.of(QUIET, "100ms"), environment, Map.of()).getValue(QUIET, String.class))
                .isEqualTo("1s");
        assertThat(config(Map.of(QUIET, "100ms"), Map.of(), Map.of()).getValue(QUIET, String.class))
                .isEqualTo("100ms");
        assertThat(config(Map.of(), environment, Map.of(QUIET, "5s")).getValue(QUIET, String.class))
                .isEqualTo("5s");
    }

    @Test
    void ofTwoVariablesTheFirstThatIsSetCounts() {
        assertThat(config(Map.of(), Map.of("OPENAI_API_KEY", "sk-fallback"), Map.of())
                        .getOptionalValue(API_KEY, String.class))
                .contains("sk-fallback");
        assertThat(config(
                                Map.of(),
                                Map.of("OPENAI_API_KEY", "sk-fallback", "SPOTIFYMATE_LLM_API_KEY", "sk-own"),
                                Map.of())
                        .getOptionalValue(API_KEY, String.class))
                .contains("sk-own");
        assertThat(config(Map.of(), Map.of(), Map.of()).getOptionalValue(API_KEY, String.class))
                .isEmpty();
    }

    @Test
    void everyServiceListsItsNamesInOneResourceOnTheClassPath() {
        assertThat(EnvironmentNames.load(getClass().getClassLoader()))
                .as("the test resource " + EnvironmentNames.RESOURCE)
                .containsEntry("spotifymate.test.setting", List.of("SPOTIFYMATE_TEST_VARIABLE", "FALLBACK_VARIABLE"));
    }
}
