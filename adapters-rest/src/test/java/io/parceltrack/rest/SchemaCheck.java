package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks a JSON value against a schema of our OpenAPI document: the keywords the document uses
 * ({@code $ref}, {@code allOf}, {@code type}, {@code required}, {@code properties}, {@code enum},
 * {@code items}, {@code pattern}, {@code minLength}, {@code maxLength}, {@code format: date-time}).
 * Stricter than JSON Schema on purpose: an object may carry no property its schema (with all of an
 * {@code allOf}) does not declare, so that a renamed field in an answer is caught on both sides.
 */
final class SchemaCheck {
    private final UnaryOperator<JsonNode> resolve;

    SchemaCheck(UnaryOperator<JsonNode> resolve) {
        this.resolve = resolve;
    }

    List<String> violations(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        check("$", value, schema, found);
        return found;
    }

    private void check(String at, JsonNode value, JsonNode schemaOrReference, List<String> found) {
        JsonNode schema = resolve.apply(schemaOrReference);
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve.apply(part);
                checkOwn(at, value, resolved, found);
                checkChildren(at, value, resolved, found);
            }
            checkNoUndeclared(at, value, declaredProperties(schema), found);
            return;
        }
        checkOwn(at, value, schema, found);
        checkChildren(at, value, schema, found);
        if (schema.has("properties")) {
            checkNoUndeclared(at, value, declaredProperties(schema), found);
        }
    }

    private void checkOwn(String at, JsonNode value, JsonNode schema, List<String> found) {
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            found.add(at + " is " + value.getNodeType() + ", not " + schema.get("type"));
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                found.add(at + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                found.add(at + " = '" + text + "' does not match " + schema.get("pattern").asText());
            }
            int length = text.codePointCount(0, text.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()
                    || schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                found.add(at + " has " + length + " characters, outside the documented bounds");
            }
            if ("date-time".equals(schema.path("format").asText())) {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    found.add(at + " = '" + text + "' is not an RFC 3339 date-time");
                }
            }
        }
        if (value.isObject() && schema.has("required")) {
            for (JsonNode required : schema.get("required")) {
                if (!value.has(required.asText())) {
                    found.add(at + " lacks the required '" + required.asText() + "'");
                }
            }
        }
    }

    private void checkChildren(String at, JsonNode value, JsonNode schema, List<String> found) {
        if (value.isObject() && schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(at + "." + property.getKey(), value.get(property.getKey()), property.getValue(), found);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(at + "[" + i + "]", value.get(i), schema.get("items"), found);
            }
        }
    }

    private void checkNoUndeclared(String at, JsonNode value, Set<String> declared, List<String> found) {
        if (value.isObject() && !declared.isEmpty()) {
            value.fieldNames().forEachRemaining(name -> {
                if (!declared.contains(name)) {
                    found.add(at + " has '" + name + "', which the document does not declare");
                }
            });
        }
    }

    private Set<String> declaredProperties(JsonNode schemaOrReference) {
        JsonNode schema = resolve.apply(schemaOrReference);
        Set<String> names = new LinkedHashSet<>();
        if (schema.has("properties")) {
            schema.get("properties").fieldNames().forEachRemaining(names::add);
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> names.addAll(declaredProperties(part)));
        }
        return names;
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
