package io.parceltrack.telegram.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text sent with {@code parse_mode=HTML} the way Telegram does, and returns what the person
 * sees. Telegram refuses a message whose {@code <}, {@code >} or {@code &} is neither part of a
 * supported tag nor of an entity, and one whose tags do not nest; so does this, which is how tests
 * catch user text that a bot forgot to escape.
 */
final class TelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtml() {}

    static String toPlainText(String html) {
        StringBuilder plain = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt() || !TAGS.contains(tag.group(2))) {
                    throw unparsable("unsupported start tag or stray \"<\" at byte offset " + i);
                }
                String name = tag.group(2);
                if (tag.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    throw unparsable("can't find end tag corresponding to start tag \"" + name + "\"");
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    throw unparsable("stray \"&\" at byte offset " + i);
                }
                plain.append(decode(entity.group(1)));
                i = entity.end();
            } else if (c == '>') {
                throw unparsable("stray \">\" at byte offset " + i);
            } else {
                plain.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw unparsable("can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return plain.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> {
                int codePoint = entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                if (!Character.isValidCodePoint(codePoint)) {
                    throw unparsable("invalid character reference &" + entity + ";");
                }
                yield new String(Character.toChars(codePoint));
            }
        };
    }

    private static BotApiError unparsable(String detail) {
        return BotApiError.badRequest("can't parse entities: " + detail);
    }
}
