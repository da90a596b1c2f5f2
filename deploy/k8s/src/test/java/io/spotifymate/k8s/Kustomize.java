package io.spotifymate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a Kustomize directory the way {@code kustomize build} does, for the part of Kustomize the manifests use, so
 * that the tests need no binary: {@code resources} (files and directories), {@code patches} (a strategic-merge
 * document or a JSON 6902 list, with an optional target by kind, name regex and label selector), {@code namespace}
 * and {@code images}. A strategic merge here merges maps and replaces lists, which is what Kustomize does for custom
 * resources; the overlays patch lists of built-in kinds only with JSON 6902. Anything else in a kustomization.yaml
 * is an error, so a manifest cannot silently rely on a feature this renderer ignores. {@code KustomizeParityTest}
 * compares the output with the real kustomize where one is installed.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");

    /** Kinds that have no namespace. */
    private static final Set<String> CLUSTER_SCOPED =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume");

    private Kustomize() {}

    /** The documents {@code dir}'s kustomization.yaml builds, in the order of its resources. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = Yamls.single(dir.resolve("kustomization.yaml"));
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + field + "', not rendered here");
            }
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) resource).normalize();
            docs.addAll(Files.isDirectory(path) ? build(path) : Yamls.all(path));
        }
        for (Object entry : list(kustomization.get("patches"))) {
            applyPatch(dir, map(entry), docs);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            docs.stream()
                    .filter(doc -> !CLUSTER_SCOPED.contains(doc.get("kind")))
                    .forEach(doc -> map(doc.get("metadata")).put("namespace", namespace));
        }
        for (Object image : list(kustomization.get("images"))) {
            setImage(map(image), docs);
        }
        return docs;
    }

    private static void applyPatch(Path dir, Map<String, Object> entry, List<Map<String, Object>> docs) {
        Object patch = Yamls.load(dir.resolve((String) entry.get("path")));
        Map<String, Object> target = entry.containsKey("target") ? map(entry.get("target")) : null;
        if (patch instanceof List<?> operations) {
            Objects.requireNonNull(target, "a JSON 6902 patch needs a target: " + entry);
            List<Map<String, Object>> matched =
                    docs.stream().filter(doc -> matches(doc, target)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("patch " + entry + " matches no resource");
            }
            matched.forEach(doc -> operations.forEach(operation -> JsonPatch.apply(doc, map(operation))));
            return;
        }
        Map<String, Object> merge = map(patch);
        Map<String, Object> selector = target != null
                ? target
                : Map.of(
                        "kind",
                        merge.get("kind"),
                        "name",
                        map(merge.get("metadata")).get("name"));
        List<Map<String, Object>> matched =
                docs.stream().filter(doc -> matches(doc, selector)).toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("patch " + entry + " matches no resource");
        }
        for (Map<String, Object> doc : matched) {
            Map<String, Object> body = new LinkedHashMap<>(merge);
            if (target != null) {
                // A targeted strategic-merge patch keeps the target's identity whatever the patch names.
                body.remove("metadata");
            }
            mergeInto(doc, body);
        }
    }

    /** Whether {@code doc} is what {@code target} selects: kind, a name regex (whole name) and a label selector. */
    static boolean matches(Map<String, Object> doc, Map<String, Object> target) {
        Map<String, Object> metadata = map(doc.get("metadata"));
        if (target.containsKey("kind") && !target.get("kind").equals(doc.get("kind"))) {
            return false;
        }
        if (target.containsKey("name") && !((String) metadata.get("name")).matches((String) target.get("name"))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = metadata.containsKey("labels") ? map(metadata.get("labels")) : Map.of();
            for (String requirement : ((String) target.get("labelSelector")).split(",")) {
                String[] pair = requirement.split("=", 2);
                if (!pair[1].strip().equals(labels.get(pair[0].strip()))) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> into, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = into.get(key);
            if (value instanceof Map<?, ?> && existing instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (value == null) {
                into.remove(key);
            } else {
                into.put(key, Yamls.copy(value));
            }
        });
    }

    private static void setImage(Map<String, Object> image, List<Map<String, Object>> docs) {
        String name = (String) image.get("name");
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> container : Workloads.containers(doc)) {
                String current = (String) container.get("image");
                String bare = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (!bare.equals(name)) {
                    continue;
                }
                String newName = image.containsKey("newName") ? (String) image.get("newName") : bare;
                String tag = image.containsKey("newTag")
                        ? String.valueOf(image.get("newTag"))
                        : current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : null;
                container.put("image", tag == null ? newName : newName + ":" + tag);
            }
        }
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new IllegalArgumentException("not a list: " + value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("not a map: " + value);
    }

    /** YAML files as plain maps and lists. */
    static final class Yamls {

        private Yamls() {}

        private static Yaml yaml() {
            return new Yaml(new SafeConstructor(new LoaderOptions()));
        }

        static Object load(Path file) {
            try {
                return yaml().load(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Map<String, Object> single(Path file) {
            return map(load(file));
        }

        static List<Map<String, Object>> all(Path file) {
            try {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (Object doc : yaml().loadAll(Files.readString(file))) {
                    if (doc != null) {
                        docs.add(map(doc));
                    }
                }
                return docs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static List<Map<String, Object>> allOf(String text) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(text)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        }

        @SuppressWarnings("unchecked")
        static Object copy(Object value) {
            if (value instanceof Map<?, ?> source) {
                Map<String, Object> copy = new LinkedHashMap<>();
                source.forEach((key, item) -> copy.put((String) key, copy(item)));
                return copy;
            }
            if (value instanceof List<?> source) {
                List<Object> copy = new ArrayList<>();
                source.forEach(item -> copy.add(copy(item)));
                return copy;
            }
            return value;
        }
    }
}
