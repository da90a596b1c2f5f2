package io.spotifymate.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The strict schemas a manifest is checked against: Kubernetes' own kinds from the standalone strict JSON schemas
 * (unknown fields rejected at every level), the operators' kinds from their CRDs' OpenAPI schemas, made as strict
 * here: every object that lists its properties accepts no other property. That is stricter than an API server, which
 * drops unknown fields silently or, where a CRD says {@code x-kubernetes-preserve-unknown-fields} (the whole spec of a
 * CassandraDatacenter), keeps them unread: either way a misspelled field would be lost without a word.
 */
final class StrictSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path kubernetes;
    private final Map<String, JsonNode> crds = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    StrictSchemas(Path root) {
        this.kubernetes = root.resolve("k8s-v1.33-standalone-strict");
        try (Stream<Path> files = Files.walk(root.resolve("crds"))) {
            // Sorted, so that the newest release of an operator that is there twice wins.
            files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(this::addCrd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema folder beside the repository, or null when it is not there. */
    static Path locate() {
        Path shared = Path.of("../../../shared/k8s-schemas").toAbsolutePath().normalize();
        return Files.isDirectory(shared) ? shared : null;
    }

    /** What is wrong with {@code doc} by its kind's schema; an unknown kind is an error too. */
    List<String> errors(Map<String, Object> doc) {
        String apiVersion = (String) doc.get("apiVersion");
        String kind = (String) doc.get("kind");
        JsonSchema schema = compiled.computeIfAbsent(apiVersion + "/" + kind, key -> compile(apiVersion, kind));
        if (schema == null) {
            return List.of("no schema for " + apiVersion + " " + kind);
        }
        return schema.validate(JSON.valueToTree(doc)).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private JsonSchema compile(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode crd = crds.get(group + "/" + version + "/" + kind);
        if (crd != null) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(crd);
        }
        String name = kind.toLowerCase(Locale.ROOT) + (group.isEmpty() ? "" : "-" + group.split("\\.")[0]) + "-"
                + version + ".json";
        Path file = kubernetes.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
            schema.remove("$schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addCrd(Path file) {
        for (Map<String, Object> doc : Kustomize.Yamls.all(file)) {
            if (!"CustomResourceDefinition".equals(doc.get("kind"))) {
                continue;
            }
            JsonNode crd = JSON.valueToTree(doc);
            JsonNode spec = crd.path("spec");
            for (JsonNode version : spec.path("versions")) {
                JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                crds.put(
                        spec.path("group").asText() + "/" + version.path("name").asText() + "/"
                                + spec.path("names").path("kind").asText(),
                        schema);
            }
        }
    }

    /** Walks a schema by its keywords (never into a map of property names, which may be named like keywords). */
    private static void strict(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("properties") && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        schema.path("properties").elements().forEachRemaining(StrictSchemas::strict);
        strict(schema.get("items"));
        strict(schema.get("additionalProperties"));
        strict(schema.get("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).elements().forEachRemaining(StrictSchemas::strict);
        }
    }
}
