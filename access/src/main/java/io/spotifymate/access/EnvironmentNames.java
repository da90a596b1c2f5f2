package io.spotifymate.access;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads a setting from the environment variable its deployment documentation names, where that name is not the one
 * Quarkus derives from the key: {@code SPOTIFYMATE_FEATURES_QUIET} sets {@code spotifymate.features.user-quiet}.
 * Each service lists such names in {@value #RESOURCE} ({@code key = VARIABLE} or {@code key = VARIABLE, FALLBACK});
 * the default stays where the key is declared, in its {@code @ConfigMapping}, and nowhere else.
 *
 * <p>A variable that is set beats the default and application.properties, as any environment variable does; a system
 * property of the key itself still beats the variable. Of several variables the first that is set counts.
 */
public final class EnvironmentNames implements ConfigSourceInterceptor {

    static final String RESOURCE = "META-INF/spotifymate-environment.properties";

    private final Map<String, List<String>> variables;

    /** The names every {@value #RESOURCE} on the class path gives (ServiceLoader's constructor). */
    public EnvironmentNames() {
        this(load(Thread.currentThread().getContextClassLoader()));
    }

    EnvironmentNames(Map<String, List<String>> variables) {
        this.variables = Map.copyOf(variables);
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        for (String variable : variables.getOrDefault(name, List.of())) {
            ConfigValue set = context.proceed(variable);
            if (set != null) {
                boolean wins = value == null || set.getConfigSourceOrdinal() > value.getConfigSourceOrdinal();
                return wins ? set.withName(name) : value;
            }
        }
        return value;
    }

    static Map<String, List<String>> load(ClassLoader loader) {
        Map<String, List<String>> variables = new HashMap<>();
        try {
            Enumeration<URL> files =
                    (loader == null ? EnvironmentNames.class.getClassLoader() : loader).getResources(RESOURCE);
            while (files.hasMoreElements()) {
                Properties names = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    names.load(in);
                }
                names.forEach((key, value) -> variables.put(
                        (String) key,
                        Stream.of(((String) value).split(","))
                                .map(String::strip)
                                .filter(variable -> !variable.isEmpty())
                                .toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return variables;
    }
}
