package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads what the served OpenAPI document promises: operations, their statuses and media types. */
public final class OpenApiSpec {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonNode document;

    public OpenApiSpec(JsonNode document) {
        this.document = document;
    }

    /** Every documented operation as {@code "GET /api/v1/parcels"}. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The documented responses of an operation: status → media type of its body (empty for none). */
    public Map<Integer, Optional<String>> responses(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode responses = document.get("paths").get(methodAndPath[1])
                .get(methodAndPath[0].toLowerCase(Locale.ROOT)).get("responses");
        Map<Integer, Optional<String>> statuses = new LinkedHashMap<>();
        responses.fields().forEachRemaining(entry -> {
            JsonNode response = resolve(entry.getValue());
            JsonNode content = response.get("content");
            Optional<String> mediaType = content == null ? Optional.empty() : Optional.of(content.fieldNames().next());
            statuses.put(Integer.parseInt(entry.getKey()), mediaType);
        });
        return statuses;
    }

    /** The schema of the documented body of {@code status}, if the response has one. */
    Optional<JsonNode> responseSchema(String operation, int status) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode response = resolve(document.get("paths").get(methodAndPath[1])
                .get(methodAndPath[0].toLowerCase(Locale.ROOT)).get("responses").get(Integer.toString(status)));
        JsonNode content = response == null ? null : response.get("content");
        if (content == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(content.elements().next().get("schema"));
    }

    /** The problems of {@code value} against {@code schema} of this document (empty: it conforms). */
    List<String> violations(JsonNode value, JsonNode schema) {
        return new SchemaCheck(this::resolve).violations(value, schema);
    }

    /** Every documented (operation, status) pair as {@code "GET /api/v1/parcels 200"}. */
    Set<String> operationStatuses() {
        Set<String> pairs = new LinkedHashSet<>();
        for (String operation : operations()) {
            responses(operation).keySet().forEach(status -> pairs.add(operation + " " + status));
        }
        return pairs;
    }

    /** The documented operation a concrete request path falls under, if any. */
    Optional<String> operationFor(String method, String concretePath) {
        for (String operation : operations()) {
            String[] methodAndPath = operation.split(" ", 2);
            String template = Pattern.quote(methodAndPath[1]).replaceAll("\\{[^}]+}", "\\\\E[^/]*\\\\Q");
            if (methodAndPath[0].equals(method) && concretePath.matches(template)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    JsonNode resolve(JsonNode node) {
        JsonNode reference = node.get("$ref");
        if (reference == null) {
            return node;
        }
        JsonNode target = document;
        Iterator<String> parts = java.util.Arrays.asList(reference.asText().substring(2).split("/")).iterator();
        while (parts.hasNext()) {
            target = target.get(parts.next());
        }
        return resolve(target);
    }

    /** Every {@code $ref} in the document, e.g. {@code #/components/schemas/Parcel}. */
    public static List<String> references(JsonNode document) {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        return references;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
