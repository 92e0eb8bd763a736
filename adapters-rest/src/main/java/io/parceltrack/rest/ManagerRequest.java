package io.parceltrack.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.parceltrack.domain.TelegramId;
import java.util.List;
import java.util.Map;

/**
 * A request that passed the edge: the caller is an authenticated manager within their rate
 * limit, and a POST's body is well-formed JSON. What is in it is for the endpoint to check.
 *
 * @param body the parsed body of a POST; {@code null} for other methods
 */
record ManagerRequest(
        TelegramId manager,
        Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters,
        JsonNode body,
        FieldVocabulary vocabulary) {

    ManagerRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
    }

    /** A fresh collector for this request's input errors, speaking the route's vocabulary. */
    RequestErrors errors() {
        return new RequestErrors(vocabulary);
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }
}
