package io.parceltrack.telegram.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parceltrack.telegram.emulator.EmulatedBot.PressedButton;
import io.parceltrack.telegram.emulator.EmulatedChat.StoredMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The Bot API methods the bots call, on one emulated bot: long polling for updates, sending and
 * editing messages, answering presses, and the command menu. Each checks its parameters the way
 * Telegram does and answers with a {@link BotApiError} where Telegram would refuse.
 */
final class BotApi {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_TEXT_LENGTH = 4096;
    private static final int MAX_UPDATES_PER_CALL = 100;

    private BotApi() {}

    /** Calls {@code method} (case-insensitive, as Telegram allows) with {@code params}. */
    static JsonNode call(EmulatedBot bot, String method, RequestParams params) throws InterruptedException {
        synchronized (bot) {
            return switch (method.toLowerCase()) {
                case "getme" -> MessageJson.bot(bot.id, bot.username());
                case "getupdates" -> getUpdates(bot, params);
                case "sendmessage" -> sendMessage(bot, params);
                case "editmessagetext" -> editMessageText(bot, params);
                case "editmessagereplymarkup" -> editMessageReplyMarkup(bot, params);
                case "answercallbackquery" -> answerCallbackQuery(bot, params);
                case "setmycommands" -> setMyCommands(bot, params);
                case "getmycommands" -> getMyCommands(bot, params);
                case "deletemycommands" -> {
                    bot.commandsByLanguage.remove(params.text("language_code", ""));
                    yield JSON.booleanNode(true);
                }
                case "deletewebhook", "close", "logout" -> JSON.booleanNode(true);
                case "getwebhookinfo" -> JSON.objectNode().put("url", "").put("has_custom_certificate", false)
                        .put("pending_update_count", 0);
                default -> throw BotApiError.notFound();
            };
        }
    }

    private static JsonNode getUpdates(EmulatedBot bot, RequestParams params) throws InterruptedException {
        long offset = params.number("offset", 0);
        int limit = (int) Math.max(1, Math.min(MAX_UPDATES_PER_CALL, params.number("limit", MAX_UPDATES_PER_CALL)));
        long timeoutMillis = Math.max(0, Math.min(600, params.number("timeout", 0))) * 1000;
        if (offset > 0) {
            // Telegram forgets every update below the offset: the caller confirmed them.
            bot.pendingUpdates.removeIf(update -> update.path("update_id").asLong() < offset);
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (bot.pendingUpdates.isEmpty() && !bot.closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            bot.wait(Math.max(1, left / 1_000_000));
        }
        ArrayNode result = JSON.arrayNode();
        Iterator<com.fasterxml.jackson.databind.node.ObjectNode> updates = bot.pendingUpdates.iterator();
        while (updates.hasNext() && result.size() < limit) {
            result.add(updates.next().deepCopy());
        }
        return result;
    }

    private static JsonNode sendMessage(EmulatedBot bot, RequestParams params) {
        EmulatedChat chat = targetChat(bot, params);
        String markup = text(params);
        String parseMode = params.text("parse_mode", null);
        String text = visibleText(markup, parseMode);
        JsonNode replyMarkup = params.json("reply_markup");
        List<List<InlineButton>> inline = MessageJson.inlineKeyboard(replyMarkup);
        List<List<String>> reply = MessageJson.replyKeyboard(replyMarkup);
        admit(bot, chat);
        StoredMessage message = chat.newMessage(true, EmulatedBot.nowSeconds());
        message.text = text;
        message.markup = markup;
        message.parseMode = parseMode;
        message.inlineKeyboard = inline;
        message.replyKeyboard = reply;
        bot.record(chat, ChatEvent.Kind.BOT_SENT, message.id, text);
        return bot.botMessageJson(chat, message);
    }

    private static JsonNode editMessageText(EmulatedBot bot, RequestParams params) {
        EmulatedChat chat = targetChat(bot, params);
        StoredMessage message = messageToEdit(chat, params);
        String markup = text(params);
        String parseMode = params.text("parse_mode", null);
        String text = visibleText(markup, parseMode);
        List<List<InlineButton>> inline = MessageJson.inlineKeyboard(params.json("reply_markup"));
        if (text.equals(message.text) && inline.equals(message.inlineKeyboard)) {
            throw notModified();
        }
        admit(bot, chat);
        message.text = text;
        message.markup = markup;
        message.parseMode = parseMode;
        message.inlineKeyboard = inline;
        message.edits++;
        bot.record(chat, ChatEvent.Kind.BOT_EDITED, message.id, text);
        return bot.botMessageJson(chat, message);
    }

    private static JsonNode editMessageReplyMarkup(EmulatedBot bot, RequestParams params) {
        EmulatedChat chat = targetChat(bot, params);
        StoredMessage message = messageToEdit(chat, params);
        List<List<InlineButton>> inline = MessageJson.inlineKeyboard(params.json("reply_markup"));
        if (inline.equals(message.inlineKeyboard)) {
            throw notModified();
        }
        admit(bot, chat);
        message.inlineKeyboard = inline;
        message.edits++;
        bot.record(chat, ChatEvent.Kind.BOT_EDITED, message.id, message.text);
        return bot.botMessageJson(chat, message);
    }

    private static JsonNode answerCallbackQuery(EmulatedBot bot, RequestParams params) {
        String queryId = params.text("callback_query_id", "");
        PressedButton press = bot.openPresses.get(queryId);
        if (press == null || press.answered()) {
            throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        String text = params.text("text", "");
        if (text.length() > 200) {
            throw BotApiError.badRequest("MESSAGE_TOO_LONG");
        }
        bot.openPresses.put(queryId, new PressedButton(press.chatId(), true));
        bot.record(bot.chats.get(press.chatId()), ChatEvent.Kind.BOT_ANSWERED_PRESS, 0, text);
        return JSON.booleanNode(true);
    }

    private static JsonNode setMyCommands(EmulatedBot bot, RequestParams params) {
        JsonNode commands = params.json("commands");
        if (commands == null || !commands.isArray()) {
            throw BotApiError.badRequest("parameter \"commands\" is required");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            if (!name.matches("[a-z0-9_]{1,32}") || command.path("description").asText("").isEmpty()) {
                throw BotApiError.badRequest("BOT_COMMAND_INVALID");
            }
            names.add(name);
        }
        bot.commandsByLanguage.put(params.text("language_code", ""), List.copyOf(names));
        return JSON.booleanNode(true);
    }

    private static JsonNode getMyCommands(EmulatedBot bot, RequestParams params) {
        ArrayNode result = JSON.arrayNode();
        for (String name : bot.commandsByLanguage.getOrDefault(params.text("language_code", ""), List.of())) {
            result.add(JSON.objectNode().put("command", name).put("description", name));
        }
        return result;
    }

    private static void admit(EmulatedBot bot, EmulatedChat chat) {
        if (chat.blocked) {
            throw BotApiError.blocked();
        }
        bot.flood.admit(chat.id, System.nanoTime());
    }

    private static EmulatedChat targetChat(EmulatedBot bot, RequestParams params) {
        if (!params.has("chat_id")) {
            throw BotApiError.badRequest("chat_id is empty");
        }
        long chatId;
        try {
            chatId = params.number("chat_id", 0);
        } catch (IllegalArgumentException e) {
            throw BotApiError.badRequest("chat not found");
        }
        EmulatedChat chat = bot.chats.get(chatId);
        if (chat == null) {
            throw BotApiError.badRequest("chat not found");
        }
        return chat;
    }

    private static StoredMessage messageToEdit(EmulatedChat chat, RequestParams params) {
        StoredMessage message = chat.message((int) params.number("message_id", 0));
        if (message == null || !message.fromBot) {
            throw BotApiError.badRequest("message to edit not found");
        }
        return message;
    }

    private static String text(RequestParams params) {
        String text = params.text("text", "");
        if (text.isEmpty()) {
            throw BotApiError.badRequest("message text is empty");
        }
        return text;
    }

    private static String visibleText(String markup, String parseMode) {
        String text;
        if (parseMode == null || parseMode.isEmpty()) {
            text = markup;
        } else if (parseMode.equalsIgnoreCase("HTML")) {
            text = TelegramHtml.toPlainText(markup);
        } else {
            throw BotApiError.badRequest("unsupported parse_mode " + parseMode + " (the emulator speaks HTML)");
        }
        if (text.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw BotApiError.badRequest("message is too long");
        }
        return text;
    }

    private static BotApiError notModified() {
        return BotApiError.badRequest("message is not modified: specified new message content and reply markup "
                + "are exactly the same as a current content and reply markup of the message");
    }
}
