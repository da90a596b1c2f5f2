package io.spotifymate.stack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real test stack. It hands the application the same {@code SPOTIFYMATE_*}
 * settings a deployed service reads from its environment, so tests exercise the production configuration path.
 */
public class EmbeddedStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.ensureUp().serviceEnvironment();
    }

    @Override
    public void stop() {
        // The stack outlives one application: TestStack stops what it started when the JVM exits.
    }
}
