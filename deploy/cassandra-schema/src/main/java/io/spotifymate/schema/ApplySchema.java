package io.spotifymate.schema;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The command the Kubernetes Job runs (the cassandra-schema image): waits until Cassandra accepts a session, applies
 * the pending CQL files and sets the keyspaces' replication. Settings come from the environment:
 *
 * <ul>
 *   <li>{@code SPOTIFYMATE_CASSANDRA_CONTACT_POINT} host:port (127.0.0.1:29042, the one-machine stack's)
 *   <li>{@code SPOTIFYMATE_CASSANDRA_DATACENTER} (datacenter1)
 *   <li>{@code SPOTIFYMATE_CASSANDRA_USER}, {@code SPOTIFYMATE_CASSANDRA_PASSWORD}: when the cluster needs a sign-in
 *   <li>{@code SPOTIFYMATE_CASSANDRA_REPLICATION}: a CQL replication map; unset leaves replication as the files say
 *   <li>{@code SPOTIFYMATE_CQL_DIR}: the folder of V*.cql files (deploy/cassandra; /schema in the image)
 *   <li>{@code SPOTIFYMATE_CASSANDRA_WAIT}: how long to wait for Cassandra, ISO-8601 (PT5M)
 * </ul>
 *
 * Exits 0 when the schema is current, 1 when it cannot be made so (the Job then tries again).
 */
public final class ApplySchema {

    private ApplySchema() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            int applied = run(env);
            System.out.println("cassandra-schema: " + applied + " CQL file(s) applied; the schema is current");
        } catch (RuntimeException e) {
            System.err.println("cassandra-schema: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(Map<String, String> env) {
        Path dir = Path.of(env.getOrDefault("SPOTIFYMATE_CQL_DIR", "deploy/cassandra"));
        String replication = blankToNull(env.get("SPOTIFYMATE_CASSANDRA_REPLICATION"));
        Duration wait = Duration.parse(env.getOrDefault("SPOTIFYMATE_CASSANDRA_WAIT", "PT5M"));
        try (CqlSession session = connect(env, wait)) {
            return new CqlMigrations(dir).apply(session, replication);
        }
    }

    private static CqlSession connect(Map<String, String> env, Duration wait) {
        String contactPoint = env.getOrDefault("SPOTIFYMATE_CASSANDRA_CONTACT_POINT", "127.0.0.1:29042");
        int colon = contactPoint.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "SPOTIFYMATE_CASSANDRA_CONTACT_POINT must be host:port, not '" + contactPoint + "'");
        }
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoint(InetSocketAddress.createUnresolved(
                        contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))))
                .withLocalDatacenter(env.getOrDefault("SPOTIFYMATE_CASSANDRA_DATACENTER", "datacenter1"))
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
                        .build());
        String user = blankToNull(env.get("SPOTIFYMATE_CASSANDRA_USER"));
        if (user != null) {
            builder.withAuthCredentials(user, env.getOrDefault("SPOTIFYMATE_CASSANDRA_PASSWORD", ""));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long backOff = 500;
        while (true) {
            try {
                return builder.build();
            } catch (AllNodesFailedException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Cassandra at " + contactPoint + " accepted no session within " + wait + ": "
                                    + e.getMessage(),
                            e);
                }
                System.err.println("cassandra-schema: waiting for Cassandra at " + contactPoint);
                try {
                    Thread.sleep(backOff); // an unreachable server gives no signal to wait on
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Cassandra", interrupted);
                }
                backOff = Math.min(backOff * 2, 10_000);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
