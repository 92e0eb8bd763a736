package io.parceltrack.apps.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's chat with one bot, played through a Telegram emulator's HTTP control API
 * (docs/BOTS.md) — the same way whether the emulator runs in this JVM or inside the standalone
 * process. Every action waits until the bot has shown the answer the story expects.
 */
final class BotChat {
    private static final Duration POLL_EVERY = Duration.ofMillis(100);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI chat;
    private final String firstName;
    private final String languageCode;
    private final Duration answerTimeout;

    BotChat(HttpClient http, ObjectMapper json, URI emulator, String bot, long chatId, String firstName,
            String languageCode, Duration answerTimeout) {
        this.http = http;
        this.json = json;
        this.chat = emulator.resolve("/control/bots/" + bot + "/chats/" + chatId + "/");
        this.firstName = firstName;
        this.languageCode = languageCode;
        this.answerTimeout = answerTimeout;
    }

    /** The person writes {@code text}; returns the bot's answer, the first that contains {@code expected}. */
    String says(String text, String expected) {
        long before = lastEventSequence();
        ObjectNode body = json.createObjectNode().put("text", text).put("firstName", firstName)
                .put("languageCode", languageCode);
        post("send-text", body);
        return awaitsMessage(before, expected, answerTimeout);
    }

    /** The person presses the latest button labelled {@code label}; returns the answer containing {@code expected}. */
    String presses(String label, String expected) {
        long before = lastEventSequence();
        post("press-button", json.createObjectNode().put("button", label));
        return awaitsMessage(before, expected, answerTimeout);
    }

    /**
     * Waits until the bot sends a message, or edits one, after event {@code afterSequence} whose text
     * contains {@code expected}; returns that text.
     */
    String awaitsMessage(long afterSequence, String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> found = botTextsAfter(afterSequence).stream().filter(text -> text.contains(expected))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + timeout + " the bot showed no message containing \"" + expected
                        + "\"; the chat so far:\n" + transcript());
            }
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The sequence number of the latest thing that happened in this chat (0 before anything). */
    long lastEventSequence() {
        long last = 0;
        for (JsonNode event : events()) {
            last = Math.max(last, event.path("sequence").asLong());
        }
        return last;
    }

    /** What the bot sent or edited into the chat after event {@code afterSequence}, in order. */
    List<String> botTextsAfter(long afterSequence) {
        List<String> texts = new ArrayList<>();
        for (JsonNode event : events()) {
            String kind = event.path("kind").asText();
            if (event.path("sequence").asLong() > afterSequence && (kind.equals("BOT_SENT") || kind.equals("BOT_EDITED"))) {
                texts.add(event.path("text").asText());
            }
        }
        return texts;
    }

    /** The messages the bot sent into the chat (each once, as it reads now). */
    List<String> botMessages() {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : get("messages")) {
            if (message.path("fromBot").asBoolean()) {
                texts.add(message.path("text").asText());
            }
        }
        return texts;
    }

    private String transcript() {
        List<String> lines = new ArrayList<>();
        for (JsonNode event : events()) {
            lines.add("  " + event.path("sequence").asLong() + " " + event.path("kind").asText() + ": "
                    + event.path("text").asText().replace("\n", " / "));
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }

    private JsonNode events() {
        return get("events");
    }

    private JsonNode get(String action) {
        return send(HttpRequest.newBuilder(chat.resolve(action)).GET());
    }

    private void post(String action, ObjectNode body) {
        send(HttpRequest.newBuilder(chat.resolve(action)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("the emulator's control API answered " + response.statusCode() + " to "
                        + request.build().uri() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
