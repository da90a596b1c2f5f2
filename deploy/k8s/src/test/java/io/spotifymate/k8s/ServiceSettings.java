package io.spotifymate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a service reads, found in its code: the variables its application.properties names in
 * {@code ${...}}, the environment form of every configuration key it has (each line of application.properties
 * outside a profile, each {@code @ConfigProperty} name, each method of a {@code @ConfigMapping} interface), which is
 * how Quarkus maps {@code SPOTIFYMATE_RECOMMENDER_MAX_PER_ARTIST} to {@code spotifymate.recommender.max-per-artist},
 * and the variables its {@code META-INF/spotifymate-environment.properties} names for keys (with the key's default).
 */
final class ServiceSettings {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}$]*))?");
    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"(?:, defaultValue = \"([^\"]*)\")?");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern METHOD = Pattern.compile("^\\s+([\\w<>.,\\s]+)\\s(\\w+)\\(\\);");
    private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)");

    /** Every variable the service reads. */
    final Set<String> read = new TreeSet<>();

    /**
     * Variables with their default ("" when empty, null when there is none): as application.properties names them, or
     * as the key's declaration in code gives it.
     */
    final Map<String, String> defaults = new TreeMap<>();

    /** Keys declared in code with their default ("" when optional, null when there is none). */
    private final Map<String, String> keyDefaults = new TreeMap<>();

    /** Keys application.properties sets (outside a profile): their variables are the ones it names. */
    private final Set<String> propertyKeys = new TreeSet<>();

    ServiceSettings(Path module) {
        try {
            readProperties(Files.readString(module.resolve("src/main/resources/application.properties")));
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                for (Path source : sources.filter(file -> file.toString().endsWith(".java"))
                        .toList()) {
                    readSource(Files.readString(source));
                }
            }
            Path names = module.resolve("src/main/resources/META-INF/spotifymate-environment.properties");
            Map<String, List<String>> variables =
                    Files.exists(names) ? environmentNames(Files.readString(names)) : Map.of();
            keyDefaults.forEach((key, fallback) -> {
                List<String> named = variables.getOrDefault(key, List.of(environmentName(key)));
                read.addAll(named);
                if (!propertyKeys.contains(key)) {
                    // A variable with a fallback variable is not needed: the fallback may be the one set.
                    defaults.putIfAbsent(named.get(0), named.size() > 1 ? "${...}" : fallback);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Variables that must be set outside one developer's machine: those whose default points at this machine
     * (127.0.0.1, localhost, the home folder) and keys or passwords that default to nothing.
     */
    Set<String> required() {
        Set<String> required = new TreeSet<>();
        defaults.forEach((name, fallback) -> {
            boolean local = fallback != null
                    && (fallback.contains("127.0.0.1")
                            || fallback.contains("localhost")
                            || fallback.contains("user.home"));
            boolean secret = "".equals(fallback) && (name.endsWith("_KEY") || name.endsWith("_PASSWORD"));
            if (fallback == null || local || secret) {
                required.add(name);
            }
        });
        return required;
    }

    private void readProperties(String properties) {
        for (String line : properties.lines().toList()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("%") || !text.contains("=")) {
                continue;
            }
            propertyKeys.add(text.substring(0, text.indexOf('=')).strip());
            read.add(environmentName(text.substring(0, text.indexOf('=')).strip()));
            Matcher variable = VARIABLE.matcher(text);
            while (variable.find()) {
                read.add(variable.group(1));
                boolean fallbackOfAnother = variable.start() > 0 && text.charAt(variable.start() - 1) == ':';
                boolean fallsBackToAnother = variable.end() < text.length() && text.charAt(variable.end()) == '$';
                if (!fallbackOfAnother) {
                    String fallback = variable.group(2) == null ? null : variable.group(3);
                    defaults.putIfAbsent(variable.group(1), fallsBackToAnother ? "${...}" : fallback);
                }
            }
        }
    }

    private void readSource(String source) {
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            keyDefaults.putIfAbsent(property.group(1), property.group(2));
        }
        Matcher mapping = MAPPING.matcher(source);
        if (mapping.find()) {
            String fallback = null;
            for (String line : source.substring(mapping.end()).lines().toList()) {
                Matcher withDefault = WITH_DEFAULT.matcher(line);
                Matcher method = METHOD.matcher(line);
                if (withDefault.find()) {
                    fallback = withDefault.group(1);
                } else if (method.find()) {
                    String key = mapping.group(1) + "." + kebab(method.group(2));
                    keyDefaults.put(
                            key, fallback == null && method.group(1).strip().startsWith("Optional") ? "" : fallback);
                    fallback = null;
                }
            }
        }
    }

    /** Lines {@code key=VARIABLE[, FALLBACK]}: the variables that set a key, in the order they are tried. */
    private static Map<String, List<String>> environmentNames(String names) {
        Map<String, List<String>> variables = new TreeMap<>();
        for (String line : names.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                variables.put(
                        line.substring(0, line.indexOf('=')).strip(),
                        Stream.of(line.substring(line.indexOf('=') + 1).split(","))
                                .map(String::strip)
                                .toList());
            }
        }
        return variables;
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
