package io.spotifymate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each overlay renders: valid by the strict schemas, hardened services, only the architecture's calls. */
class ManifestsTest {

    static final List<String> SERVICES =
            List.of("ingestion-service", "feature-service", "model-service", "recommender-service", "chat-gateway");
    private static final Map<String, Integer> PORTS = Map.of(
            "ingestion-service", 8081,
            "feature-service", 8082,
            "model-service", 8083,
            "recommender-service", 8084,
            "chat-gateway", 8080);
    /** Secrets a person creates (deploy/k8s/README.md), and those the operators create. */
    private static final Set<String> USER_SECRETS = Set.of(
            "spotifymate-jwt",
            "spotifymate-token-key",
            "spotifymate-service-key",
            "spotifymate-llm",
            "spotifymate-spotify");

    private static final Set<String> OPERATOR_SECRETS = Set.of("spotifymate-db-app", "spotifymate-superuser");

    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.build(Path.of("overlays", overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyDocumentIsValidByTheStrictSchemasOfItsKind(String overlay) {
        Path schemas = StrictSchemas.locate();
        assumeThat(schemas)
                .as("the Kubernetes and CRD schemas are not beside the repository (../shared/k8s-schemas)")
                .isNotNull();
        StrictSchemas strict = new StrictSchemas(schemas);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : render(overlay)) {
            strict.errors(doc).forEach(error -> problems.add(identity(doc) + ": " + error));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Deployment", "KafkaTopic", "CassandraDatacenter", "Cluster"})
    void aMisspelledFieldIsRejected(String kind) {
        Path schemas = StrictSchemas.locate();
        assumeThat(schemas).as("no ../shared/k8s-schemas").isNotNull();
        Map<String, Object> doc = render("production").stream()
                .filter(candidate -> kind.equals(candidate.get("kind")))
                .findFirst()
                .orElseThrow();
        Kustomize.map(doc.get("spec")).put("replica", 3);
        assertThat(new StrictSchemas(schemas).errors(doc)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theKubernetesClientModelsReadEveryDocument(String overlay) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Map<String, Object> doc : render(overlay)) {
            HasMetadata parsed = Serialization.unmarshal(json.writeValueAsString(doc), HasMetadata.class);
            assertThat(parsed.getMetadata().getName()).isNotBlank();
            boolean custom = ((String) doc.get("apiVersion")).matches(".*(strimzi|datastax|cnpg).*");
            assertThat(parsed instanceof GenericKubernetesResource)
                    .as("%s read as a typed model", identity(doc))
                    .isEqualTo(custom);
            if (parsed instanceof Deployment deployment) {
                assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
                        .singleElement()
                        .satisfies(container -> assertThat(container
                                        .getReadinessProbe()
                                        .getHttpGet()
                                        .getPath())
                                .isEqualTo("/q/health/ready"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceRunsHardenedWithProbesResourcesAndItsOwnAccount(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (String service : SERVICES) {
            Map<String, Object> deployment = find(docs, "Deployment", service);
            Map<String, Object> pod = Workloads.podSpec(deployment);
            assertThat(pod.get("serviceAccountName")).isEqualTo(service);
            assertThat(find(docs, "ServiceAccount", service)).isNotNull();
            assertThat(find(docs, "Service", service)).isNotNull();
            assertThat(find(docs, "ConfigMap", service + "-config")).isNotNull();
            assertThat(find(docs, "PodDisruptionBudget", service)).isNotNull();
            assertThat(Kustomize.map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true);
            Map<String, Object> container = Workloads.containers(deployment).get(0);
            assertThat(container.get("image")).isEqualTo("spotifymate/" + service + ":0.1.0");
            assertThat(probePath(container, "startupProbe")).isEqualTo("/q/health/started");
            assertThat(probePath(container, "livenessProbe")).isEqualTo("/q/health/live");
            assertThat(probePath(container, "readinessProbe")).isEqualTo("/q/health/ready");
            Map<String, Object> security = Kustomize.map(container.get("securityContext"));
            assertThat(security)
                    .containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(Kustomize.map(security.get("capabilities")).get("drop")).isEqualTo(List.of("ALL"));
            Map<String, Object> resources = Kustomize.map(container.get("resources"));
            assertThat(Kustomize.map(resources.get("requests"))).containsKeys("cpu", "memory");
            assertThat(Kustomize.map(resources.get("limits"))).containsKey("memory");
            assertThat(Kustomize.list(container.get("volumeMounts")))
                    .as("%s writes its temporary files to a volume, the root is read-only", service)
                    .anySatisfy(mount -> assertThat(Kustomize.map(mount)).containsEntry("mountPath", "/tmp"));
        }
        Set<String> scaled = docs.stream()
                .filter(doc -> "HorizontalPodAutoscaler".equals(doc.get("kind")))
                .map(doc ->
                        (String) Kustomize.map(Kustomize.map(doc.get("spec")).get("scaleTargetRef"))
                                .get("name"))
                .collect(Collectors.toSet());
        assertThat(scaled).containsExactlyInAnyOrder("recommender-service", "chat-gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void secretsAreOnlyReferencedAndEachIsDocumented(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        assertThat(docs).noneMatch(doc -> "Secret".equals(doc.get("kind")));
        Set<String> referenced = new java.util.TreeSet<>();
        for (Map<String, Object> doc : docs) {
            collectSecretNames(doc, referenced);
        }
        assertThat(referenced).containsAll(Set.of("spotifymate-jwt", "spotifymate-token-key", "spotifymate-llm"));
        Set<String> known = new java.util.HashSet<>(USER_SECRETS);
        known.addAll(OPERATOR_SECRETS);
        assertThat(known).containsAll(referenced);
        String readme = Files.readString(Path.of("README.md"));
        referenced.stream()
                .filter(USER_SECRETS::contains)
                .forEach(secret -> assertThat(readme)
                        .as("README says how to create " + secret)
                        .contains(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theNetworkAllowsExactlyTheCallsOfTheArchitecture(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        NetworkPolicies network = new NetworkPolicies(docs);
        Map<String, Map<String, String>> pods = new HashMap<>();
        for (String service : SERVICES) {
            pods.put(service, podLabels(find(docs, "Deployment", service)));
        }
        Set<String> calls = Set.of(
                "chat-gateway->ingestion-service",
                "chat-gateway->feature-service",
                "chat-gateway->recommender-service",
                "recommender-service->model-service",
                "recommender-service->ingestion-service");
        for (String from : SERVICES) {
            for (String to : SERVICES) {
                if (!from.equals(to)) {
                    assertThat(network.allows(pods.get(from), pods.get(to), PORTS.get(to)))
                            .as("%s: %s -> %s", overlay, from, to)
                            .isEqualTo(calls.contains(from + "->" + to));
                }
            }
        }
        Map<String, String> kafka = Map.of("strimzi.io/cluster", "spotifymate", "strimzi.io/kind", "Kafka");
        Map<String, String> cassandra = Map.of("cassandra.datastax.com/cluster", "spotifymate");
        Map<String, String> postgres = Map.of("cnpg.io/cluster", "spotifymate-db");
        Map<String, Set<String>> stores = Map.of(
                "ingestion-service", Set.of("kafka", "postgres"),
                "feature-service", Set.of("kafka", "cassandra"),
                "model-service", Set.of("kafka", "cassandra", "postgres"),
                "recommender-service", Set.of("kafka", "cassandra", "postgres"),
                "chat-gateway", Set.of("postgres"));
        for (String service : SERVICES) {
            Map<String, String> pod = pods.get(service);
            Set<String> uses = stores.get(service);
            assertThat(network.allows(pod, kafka, 9092))
                    .as(service + " -> kafka")
                    .isEqualTo(uses.contains("kafka"));
            assertThat(network.allows(pod, cassandra, 9042))
                    .as(service + " -> cassandra")
                    .isEqualTo(uses.contains("cassandra"));
            assertThat(network.allows(pod, postgres, 5432))
                    .as(service + " -> postgres")
                    .isEqualTo(uses.contains("postgres"));
            assertThat(network.allows(pod, kafka, 9093))
                    .as(service + " -> kafka's controller port")
                    .isFalse();
        }
        assertThat(network.allows(podLabels(find(docs, "Job", "cassandra-schema")), cassandra, 9042))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void storesAreSizedForTheOverlay(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        int nodes = overlay.equals("production") ? 3 : 1;
        assertThat(spec(find(docs, "KafkaNodePool", "dual-role")).get("replicas"))
                .isEqualTo(nodes);
        Map<String, Object> cassandra = spec(find(docs, "CassandraDatacenter", "dc1"));
        assertThat(cassandra.get("size")).isEqualTo(nodes);
        assertThat((String) cassandra.get("serverVersion")).startsWith("5.0.");
        assertThat(spec(find(docs, "Cluster", "spotifymate-db")).get("instances"))
                .isEqualTo(nodes);
        Map<String, Object> job =
                Workloads.containers(find(docs, "Job", "cassandra-schema")).get(0);
        assertThat(Kustomize.list(job.get("env")))
                .anySatisfy(env -> assertThat(Kustomize.map(env))
                        .containsEntry("name", "SPOTIFYMATE_CASSANDRA_REPLICATION")
                        .containsEntry("value", "{'class': 'NetworkTopologyStrategy', 'dc1': " + nodes + "}"));
        assertThat(docs)
                .allSatisfy(doc -> assertThat(Kustomize.map(doc.get("metadata")).get("namespace"))
                        .isEqualTo(
                                "Namespace".equals(doc.get("kind"))
                                        ? null
                                        : "spotifymate" + (nodes == 1 ? "-dev" : "")));
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(doc -> kind.equals(doc.get("kind"))
                        && name.equals(Kustomize.map(doc.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> spec(Map<String, Object> doc) {
        return Kustomize.map(doc.get("spec"));
    }

    private static Map<String, String> podLabels(Map<String, Object> workload) {
        Map<String, Object> template = Kustomize.map(spec(workload).get("template"));
        Map<String, String> labels = new HashMap<>();
        Kustomize.map(Kustomize.map(template.get("metadata")).get("labels"))
                .forEach((key, value) -> labels.put(key, (String) value));
        return labels;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) Kustomize.map(Kustomize.map(container.get(probe)).get("httpGet"))
                .get("path");
    }

    private static String identity(Map<String, Object> doc) {
        return doc.get("kind") + " " + Kustomize.map(doc.get("metadata")).get("name");
    }

    private static void collectSecretNames(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            for (String key : List.of("secretKeyRef", "secretRef", "secret")) {
                if (map.get(key) instanceof Map<?, ?> reference) {
                    Object name =
                            reference.containsKey("secretName") ? reference.get("secretName") : reference.get("name");
                    names.add((String) name);
                }
            }
            map.values().forEach(value -> collectSecretNames(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectSecretNames(value, names));
        }
    }
}
