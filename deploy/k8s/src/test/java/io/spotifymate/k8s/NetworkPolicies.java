package io.spotifymate.k8s;

import java.util.List;
import java.util.Map;

/**
 * Decides, as a cluster's network plugin would, whether one pod may open a TCP connection to another on a port, given
 * the NetworkPolicies of one namespace (both pods in it). A pod selected by no policy of a direction is open in that
 * direction; one that is selected is open only to what some policy of that direction allows. Handles the selectors
 * the manifests use: {@code podSelector.matchLabels} and peers by pod and/or namespace (a namespace peer is another
 * namespace, so it never matches a pod of this one).
 */
final class NetworkPolicies {

    private final List<Map<String, Object>> policies;

    NetworkPolicies(List<Map<String, Object>> docs) {
        this.policies = docs.stream()
                .filter(doc -> "NetworkPolicy".equals(doc.get("kind")))
                .toList();
    }

    boolean allows(Map<String, String> from, Map<String, String> to, int port) {
        return allowed(from, to, port, "Egress", "egress", "to")
                && allowed(to, from, port, "Ingress", "ingress", "from");
    }

    private boolean allowed(
            Map<String, String> pod, Map<String, String> peer, int port, String type, String rules, String peers) {
        boolean selected = false;
        for (Map<String, Object> policy : policies) {
            Map<String, Object> spec = Kustomize.map(policy.get("spec"));
            if (!Kustomize.list(spec.get("policyTypes")).contains(type)
                    || !selects(Kustomize.map(spec.get("podSelector")), pod)) {
                continue;
            }
            selected = true;
            for (Object rule : Kustomize.list(spec.get(rules))) {
                Map<String, Object> body = Kustomize.map(rule);
                boolean peerMatches = !body.containsKey(peers)
                        || Kustomize.list(body.get(peers)).stream()
                                .anyMatch(candidate -> peerMatches(Kustomize.map(candidate), peer));
                boolean portMatches = !body.containsKey("ports")
                        || Kustomize.list(body.get("ports")).stream()
                                .anyMatch(candidate -> port
                                                == (Integer)
                                                        Kustomize.map(candidate).get("port")
                                        && "TCP".equals(Kustomize.map(candidate).getOrDefault("protocol", "TCP")));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean peerMatches(Map<String, Object> peer, Map<String, String> pod) {
        if (peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock")) {
            return false;
        }
        return selects(Kustomize.map(peer.get("podSelector")), pod);
    }

    private static boolean selects(Map<String, Object> selector, Map<String, String> pod) {
        Object matchLabels = selector.get("matchLabels");
        if (matchLabels == null) {
            return true;
        }
        return Kustomize.map(matchLabels).entrySet().stream()
                .allMatch(label -> label.getValue().equals(pod.get(label.getKey())));
    }
}
