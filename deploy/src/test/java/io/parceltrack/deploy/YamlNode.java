package io.parceltrack.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value inside a parsed YAML document and the path that leads to it, so that a failed check can
 * say exactly which line of which manifest is wrong ({@code account-service.yaml: Deployment
 * account-service .spec.replicas}). A missing key gives an absent node rather than an exception.
 */
record YamlNode(String where, Object value) {

    static YamlNode root(String where, Object value) {
        return new YamlNode(where, value);
    }

    boolean isPresent() {
        return value != null;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    YamlNode get(String key) {
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new YamlNode(where + "." + key, child);
    }

    /** Follows {@code keys} one after the other. */
    YamlNode at(String... keys) {
        YamlNode node = this;
        for (String key : keys) {
            node = node.get(key);
        }
        return node;
    }

    /** The elements of a list; none when this is absent. */
    List<YamlNode> items() {
        List<YamlNode> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(new YamlNode(where + "[" + i + "]", list.get(i)));
            }
        }
        return items;
    }

    /** The entries of a mapping, in document order; none when this is absent. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> entries.put(String.valueOf(key), new YamlNode(where + "." + key, child)));
        }
        return entries;
    }

    /** The value if it is a YAML string; numbers and booleans are not text (Kubernetes rejects them where it expects strings). */
    Optional<String> text() {
        return value instanceof String string ? Optional.of(string) : Optional.empty();
    }

    /** The scalar as written, whatever its YAML type; empty when absent or not a scalar. */
    Optional<String> scalar() {
        return value == null || value instanceof Map || value instanceof List ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    Optional<Integer> integer() {
        return value instanceof Integer number ? Optional.of(number) : Optional.empty();
    }

    /** The scalars of a list, or a single scalar as a list of one. */
    List<String> scalars() {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return scalar().map(List::of).orElse(List.of());
    }

    @Override
    public String toString() {
        return where;
    }
}
