package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people's side of the emulator over HTTP, for tests in other processes and for a human trying
 * the bots with curl. Routes (all JSON):
 *
 * <pre>
 * GET  /control/bots                                       registered bots
 * POST /control/bots/{bot}/chats/{chat}/send-text          {"text", "firstName"?, "languageCode"?}
 * POST /control/bots/{bot}/chats/{chat}/press-button       {"button"} or {"messageId", "button" | "callbackData"}
 * GET  /control/bots/{bot}/chats/{chat}/messages           what the chat shows, with buttons
 * GET  /control/bots/{bot}/chats/{chat}/events             everything that happened, in order
 * POST /control/bots/{bot}/chats/{chat}/block | /unblock   the person blocks or unblocks the bot
 * GET  /control/bots/{bot}/stats                           flood control figures
 * POST /control/limits                                     {"enabled", "perBot", "perChat", "windowMillis"}
 * </pre>
 *
 * {@code {bot}} is the bot's username.
 */
final class ControlApi {
    private static final Pattern CHAT_ROUTE = Pattern.compile("/bots/([A-Za-z0-9_]+)/chats/([0-9]{1,19})/([a-z-]+)");
    private static final Pattern STATS_ROUTE = Pattern.compile("/bots/([A-Za-z0-9_]+)/stats");

    private final TelegramEmulator emulator;
    private final ObjectMapper json;

    ControlApi(TelegramEmulator emulator, ObjectMapper json) {
        this.emulator = emulator;
        this.json = json;
    }

    void handle(HttpExchange exchange, String route, JsonNode params) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            JsonNode result = route(method, route, params);
            if (result == null) {
                emulator.send(exchange, 404, error("no such control route: " + method + " " + route));
            } else {
                emulator.send(exchange, 200, result);
            }
        } catch (NoSuchElementException e) {
            emulator.send(exchange, 404, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            emulator.send(exchange, 400, error(e.getMessage()));
        }
    }

    private JsonNode route(String method, String route, JsonNode params) {
        if (route.equals("/bots") && method.equals("GET")) {
            ArrayNode bots = json.createArrayNode();
            emulator.bots().forEach(bot -> bots.addObject().put("id", bot.id()).put("username", bot.username()));
            return bots;
        }
        if (route.equals("/limits") && (method.equals("POST") || method.equals("PUT"))) {
            EmulatorLimits limits = new EmulatorLimits(params.path("enabled").asBoolean(true),
                    params.path("perBot").asInt(30), params.path("perChat").asInt(1),
                    Duration.ofMillis(params.path("windowMillis").asLong(1000)));
            emulator.setLimits(limits);
            return json.createObjectNode().put("ok", true);
        }
        Matcher stats = STATS_ROUTE.matcher(route);
        if (stats.matches() && method.equals("GET")) {
            return json.valueToTree(emulator.bot(stats.group(1)).floodStats());
        }
        Matcher chatRoute = CHAT_ROUTE.matcher(route);
        if (!chatRoute.matches()) {
            return null;
        }
        EmulatedBot bot = emulator.bot(chatRoute.group(1));
        long chatId = Long.parseLong(chatRoute.group(2));
        String action = chatRoute.group(3);
        return switch (method + " " + action) {
            case "POST send-text" -> sendText(bot, chatId, params);
            case "POST press-button" -> pressButton(bot, chatId, params);
            case "GET messages" -> messages(bot.messages(chatId));
            case "GET events" -> json.valueToTree(bot.events(chatId));
            case "POST block" -> {
                bot.block(chatId);
                yield json.createObjectNode().put("blocked", true);
            }
            case "POST unblock" -> {
                bot.unblock(chatId);
                yield json.createObjectNode().put("blocked", false);
            }
            default -> null;
        };
    }

    private JsonNode sendText(EmulatedBot bot, long chatId, JsonNode params) {
        String text = params.path("text").asText("");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("\"text\" is required");
        }
        if (params.hasNonNull("firstName") || params.hasNonNull("languageCode")) {
            bot.introduce(chatId, params.path("firstName").asText("Person " + chatId),
                    params.path("languageCode").asText("en"));
        }
        return json.createObjectNode().put("messageId", bot.personSends(chatId, text));
    }

    private JsonNode pressButton(EmulatedBot bot, long chatId, JsonNode params) {
        String button = params.path("button").asText("");
        String queryId;
        if (params.hasNonNull("messageId")) {
            int messageId = params.get("messageId").asInt();
            queryId = params.hasNonNull("callbackData")
                    ? bot.personPressesWithData(chatId, messageId, params.get("callbackData").asText())
                    : bot.personPresses(chatId, messageId, button);
        } else if (!button.isEmpty()) {
            queryId = bot.personPresses(chatId, button);
        } else {
            throw new IllegalArgumentException("\"button\" (a label) or \"messageId\" is required");
        }
        return json.createObjectNode().put("callbackQueryId", queryId);
    }

    private JsonNode messages(List<ChatMessage> messages) {
        return json.valueToTree(messages);
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }
}
