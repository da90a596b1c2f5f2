package io.spotifymate.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pod templates and containers of workload documents. */
final class Workloads {

    private Workloads() {}

    /** The pod spec of a Deployment, StatefulSet or Job; null for other kinds. */
    static Map<String, Object> podSpec(Map<String, Object> doc) {
        Object kind = doc.get("kind");
        if (!"Deployment".equals(kind) && !"StatefulSet".equals(kind) && !"Job".equals(kind)) {
            return null;
        }
        Map<String, Object> template =
                Kustomize.map(Kustomize.map(doc.get("spec")).get("template"));
        return Kustomize.map(template.get("spec"));
    }

    /** The containers and init containers of a workload; none for other kinds. */
    static List<Map<String, Object>> containers(Map<String, Object> doc) {
        Map<String, Object> pod = podSpec(doc);
        List<Map<String, Object>> containers = new ArrayList<>();
        if (pod != null) {
            for (String field : List.of("initContainers", "containers")) {
                Kustomize.list(pod.get(field)).forEach(container -> containers.add(Kustomize.map(container)));
            }
        }
        return containers;
    }
}
