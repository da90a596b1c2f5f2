package io.spotifymate.k8s;

import java.util.List;
import java.util.Map;

/** JSON Patch (RFC 6902) operations add, replace and remove on YAML documents held as maps and lists. */
final class JsonPatch {

    private JsonPatch() {}

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> doc, Map<String, Object> operation) {
        String op = (String) operation.get("op");
        String path = (String) operation.get("path");
        String[] tokens = path.substring(1).split("/", -1);
        Object parent = doc;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]), path);
        }
        String last = unescape(tokens[tokens.length - 1]);
        Object value = Kustomize.Yamls.copy(operation.get("value"));
        if (parent instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            switch (op) {
                case "add" -> object.put(last, value);
                case "replace", "remove" -> {
                    if (!object.containsKey(last)) {
                        throw new IllegalArgumentException(op + " of a missing member: " + path);
                    }
                    if (op.equals("replace")) {
                        object.put(last, value);
                    } else {
                        object.remove(last);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported JSON patch op " + op);
            }
        } else if (parent instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            switch (op) {
                case "add" -> {
                    if (last.equals("-")) {
                        array.add(value);
                    } else {
                        array.add(index(last, array.size() + 1, path), value);
                    }
                }
                case "replace" -> array.set(index(last, array.size(), path), value);
                case "remove" -> array.remove(index(last, array.size(), path));
                default -> throw new IllegalArgumentException("unsupported JSON patch op " + op);
            }
        } else {
            throw new IllegalArgumentException("no container at " + path);
        }
    }

    private static Object child(Object parent, String token, String path) {
        Object child = parent instanceof Map<?, ?> map
                ? map.get(token)
                : parent instanceof List<?> list ? list.get(index(token, list.size(), path)) : null;
        if (child == null) {
            throw new IllegalArgumentException("JSON patch path " + path + " does not exist");
        }
        return child;
    }

    private static int index(String token, int size, String path) {
        int index = Integer.parseInt(token);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("JSON patch index out of range: " + path);
        }
        return index;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
