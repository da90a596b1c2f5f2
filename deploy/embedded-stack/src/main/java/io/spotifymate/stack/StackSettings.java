package io.spotifymate.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a local stack lives and which loopback ports it uses. There are two: {@code dev}, which {@code ./spotifymate up}
 * runs, and {@code test}, which the tests use, so a test run never touches a developer's data.
 *
 * <p>Every value can be overridden by an environment variable: {@code SPOTIFYMATE_RUN_DIR} moves the run folder (both
 * stacks live below it), and {@code SPOTIFYMATE_<STACK>_<PORT>} moves a port, e.g. {@code SPOTIFYMATE_DEV_KAFKA_PORT}.
 *
 * @param name {@code dev} or {@code test}
 * @param runDir data, logs and pid files of this stack
 * @param repoRoot the SpotifyMate checkout (runtime classpaths, CQL files, service jars)
 * @param tracesEndpoint the OTLP/HTTP collector the services send their spans to, or null: then the services trace
 *     as their own environment says (off unless {@code SPOTIFYMATE_TRACING_DISABLED=false}, which a launcher's
 *     environment passes on)
 */
public record StackSettings(
        String name,
        Path runDir,
        Path repoRoot,
        int kafkaPort,
        int kafkaControllerPort,
        int cassandraPort,
        int cassandraStoragePort,
        int postgresPort,
        Map<String, Integer> servicePorts,
        String tracesEndpoint) {

    public static final String DATABASE = "spotifymate";
    public static final String DATABASE_USER = "postgres";
    public static final String CASSANDRA_DATACENTER = "datacenter1";

    public static StackSettings dev() {
        return of("dev", Map.of());
    }

    public static StackSettings test() {
        return of("test", Map.of());
    }

    public static StackSettings named(String name) {
        return switch (name) {
            case "dev" -> dev();
            case "test" -> test();
            default -> throw new IllegalArgumentException("Unknown stack '" + name + "': use dev or test");
        };
    }

    static StackSettings of(String name, Map<String, String> environmentOverrides) {
        Env env = new Env(name, environmentOverrides);
        boolean test = name.equals("test");
        Path runRoot =
                env.global("RUN_DIR").map(Path::of).orElse(Path.of(System.getProperty("user.home"), ".spotifymate"));
        int base = test ? 30_000 : 20_000;
        return new StackSettings(
                name,
                runRoot.resolve(name).toAbsolutePath(),
                RepoLayout.findRoot(),
                env.port("KAFKA_PORT", base + 9092),
                env.port("KAFKA_CONTROLLER_PORT", base + 9093),
                env.port("CASSANDRA_PORT", base + 9042),
                env.port("CASSANDRA_STORAGE_PORT", base + 9070),
                env.port("POSTGRES_PORT", base + 5432),
                Map.of(
                        "chat-gateway", env.port("CHAT_GATEWAY_PORT", test ? 18080 : 8080),
                        "ingestion-service", env.port("INGESTION_SERVICE_PORT", test ? 18081 : 8081),
                        "feature-service", env.port("FEATURE_SERVICE_PORT", test ? 18082 : 8082),
                        "model-service", env.port("MODEL_SERVICE_PORT", test ? 18083 : 8083),
                        "recommender-service", env.port("RECOMMENDER_SERVICE_PORT", test ? 18084 : 8084)),
                null);
    }

    /** These settings with the services tracing to the given OTLP/HTTP collector (its base address). */
    public StackSettings withTracesEndpoint(String endpoint) {
        return new StackSettings(
                name,
                runDir,
                repoRoot,
                kafkaPort,
                kafkaControllerPort,
                cassandraPort,
                cassandraStoragePort,
                postgresPort,
                servicePorts,
                endpoint);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String cassandraContactPoint() {
        return "127.0.0.1:" + cassandraPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    /** The key the chat-gateway signs sign-in tokens with (see {@link JwtKeys}). */
    public Path jwtPrivateKey() {
        return runDir.resolve("keys").resolve("jwt-private.pem");
    }

    /** The shared secret of calls between services that no user makes (see {@link JwtKeys#ensureServiceKey}). */
    public Path serviceKey() {
        return runDir.resolve("keys").resolve("service-key");
    }

    /** The key every service verifies sign-in tokens with. */
    public Path jwtPublicKey() {
        return runDir.resolve("keys").resolve("jwt-public.pem");
    }

    public int servicePort(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("Unknown service '" + service + "': one of " + servicePorts.keySet());
        }
        return port;
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + servicePort(service);
    }

    /**
     * The settings a service needs to reach this stack and its peers, as environment variables. The services read
     * exactly these names in their application.properties. On the test stack the model-service trains after every
     * feature update, so that an end-to-end test sees each change in the served model. With a traces endpoint, tracing
     * is switched on and pointed at it.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPOTIFYMATE_KAFKA_BOOTSTRAP", kafkaBootstrap(),
                "SPOTIFYMATE_CASSANDRA_CONTACT_POINT", cassandraContactPoint(),
                "SPOTIFYMATE_CASSANDRA_DATACENTER", CASSANDRA_DATACENTER,
                "SPOTIFYMATE_DB_URL", jdbcUrl(),
                "SPOTIFYMATE_DB_USER", DATABASE_USER,
                "SPOTIFYMATE_MODEL_SERVICE_URL", serviceUrl("model-service"),
                "SPOTIFYMATE_INGESTION_URL", serviceUrl("ingestion-service"),
                "SPOTIFYMATE_RECOMMENDER_URL", serviceUrl("recommender-service")));
        environment.put("SPOTIFYMATE_FEATURE_URL", serviceUrl("feature-service"));
        // Sign-in tokens: every service verifies with the public key; only the chat-gateway reads the private one.
        environment.put("SPOTIFYMATE_JWT_PUBLIC_KEY", jwtPublicKey().toString());
        environment.put("SPOTIFYMATE_JWT_PRIVATE_KEY", jwtPrivateKey().toString());
        environment.put("SPOTIFYMATE_SERVICE_KEY", JwtKeys.ensureServiceKey(serviceKey()));
        if (tracesEndpoint != null) {
            environment.put("SPOTIFYMATE_TRACING_DISABLED", "false");
            environment.put("SPOTIFYMATE_OTEL_ENDPOINT", tracesEndpoint);
        }
        if (name.equals("test")) {
            // Tests see a training round after every change; a benchmark may ask for the service's own default.
            environment.put(
                    "SPOTIFYMATE_RETRAIN_AFTER_UPDATES",
                    System.getenv().getOrDefault("SPOTIFYMATE_RETRAIN_AFTER_UPDATES", "1"));
            // Once a corpus is in the store, a network given the service's two minutes takes all of them every
            // round; the tests check what is served and when, not how good the network gets.
            environment.put(
                    "SPOTIFYMATE_NETWORK_TIME_BUDGET",
                    System.getenv().getOrDefault("SPOTIFYMATE_NETWORK_TIME_BUDGET", "20s"));
        }
        return Map.copyOf(environment);
    }

    /** Reads {@code SPOTIFYMATE_*} overrides from the environment (or the given map, in tests). */
    private record Env(String stack, Map<String, String> overrides) {

        Optional<String> global(String key) {
            return lookup("SPOTIFYMATE_" + key);
        }

        int port(String key, int fallback) {
            String variable = "SPOTIFYMATE_" + stack.toUpperCase(Locale.ROOT) + "_" + key;
            return lookup(variable)
                    .map(value -> {
                        try {
                            int port = Integer.parseInt(value.trim());
                            if (port < 1 || port > 65_535) {
                                throw new NumberFormatException();
                            }
                            return port;
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(
                                    variable + " must be a port number, got '" + value + "'");
                        }
                    })
                    .orElse(fallback);
        }

        private Optional<String> lookup(String variable) {
            String value = overrides.containsKey(variable) ? overrides.get(variable) : System.getenv(variable);
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
