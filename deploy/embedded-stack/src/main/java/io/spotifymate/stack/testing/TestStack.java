package io.spotifymate.stack.testing;

import io.spotifymate.stack.Stack;
import io.spotifymate.stack.StackSettings;
import java.util.List;

/**
 * The test stack, shared by every test in a JVM. It attaches to a running test stack (as {@code ./spotifymate test}
 * leaves one) or starts one and stops what it started when the JVM exits, so one test run starts each server at most
 * once.
 */
public final class TestStack {

    private static Stack stack;

    private TestStack() {}

    public static synchronized StackSettings ensureUp() {
        if (stack == null) {
            Stack candidate = new Stack(StackSettings.test(), message -> System.out.println("[test-stack] " + message));
            List<String> started = candidate.up();
            if (!started.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> candidate.stop(started), "test-stack-stop"));
            }
            stack = candidate;
        }
        return stack.settings();
    }
}
