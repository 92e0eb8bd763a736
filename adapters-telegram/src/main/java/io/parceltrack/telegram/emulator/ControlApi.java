package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
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
 * {@code {bot}} is the bot's username. A route that does not exist answers 404, a bot or chat that
 * does not exist 404, bad parameters 400.
 */
final class ControlApi {
    private static final Pattern CHAT_ROUTE = Pattern.compile("/bots/([A-Za-z0-9_]+)/chats/([0-9]{1,18})/([a-z-]+)");
    private static final Pattern STATS_ROUTE = Pattern.compile("/bots/([A-Za-z0-9_]+)/stats");

    private final TelegramEmulator emulator;
    private final ObjectMapper json;

    ControlApi(TelegramEmulator emulator, ObjectMapper json) {
        this.emulator = emulator;
        this.json = json;
    }

    /** The answer to a control request; {@code null} when no route has this method and path. */
    JsonNode route(String method, String route, RequestParams params) {
        if (route.equals("/bots") && method.equals("GET")) {
            ArrayNode bots = json.createArrayNode();
            emulator.bots().forEach(bot -> bots.addObject().put("id", bot.id()).put("username", bot.username()));
            return bots;
        }
        if (route.equals("/limits") && (method.equals("POST") || method.equals("PUT"))) {
            emulator.setLimits(new EmulatorLimits(params.flag("enabled", true), (int) params.number("perBot", 30),
                    (int) params.number("perChat", 1), Duration.ofMillis(params.number("windowMillis", 1000))));
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
        return switch (method + " " + chatRoute.group(3)) {
            case "POST send-text" -> sendText(bot, chatId, params);
            case "POST press-button" -> pressButton(bot, chatId, params);
            case "GET messages" -> json.valueToTree(bot.messages(chatId));
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

    /** Names and languages are only changed when given: a message without them keeps the person's. */
    private JsonNode sendText(EmulatedBot bot, long chatId, RequestParams params) {
        String text = params.requiredText("text");
        if (params.has("firstName") || params.has("languageCode")) {
            String languageCode = params.text("languageCode", bot.languageOf(chatId).orElse(null));
            bot.introduce(chatId, params.text("firstName", "Person " + chatId), languageCode);
        }
        return json.createObjectNode().put("messageId", bot.personSends(chatId, text));
    }

    private JsonNode pressButton(EmulatedBot bot, long chatId, RequestParams params) {
        String button = params.text("button", "");
        String queryId;
        if (params.has("messageId")) {
            int messageId = (int) params.number("messageId", 0);
            queryId = params.has("callbackData")
                    ? bot.personPressesWithData(chatId, messageId, params.requiredText("callbackData"))
                    : bot.personPresses(chatId, messageId, params.requiredText("button"));
        } else if (!button.isEmpty()) {
            queryId = bot.personPresses(chatId, button);
        } else {
            throw new IllegalArgumentException("\"button\" (a label) or \"messageId\" is required");
        }
        return json.createObjectNode().put("callbackQueryId", queryId);
    }
}
