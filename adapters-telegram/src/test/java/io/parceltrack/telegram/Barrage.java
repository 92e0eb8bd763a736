package io.parceltrack.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.InlineButton;
import java.util.List;
import java.util.Random;

/**
 * Random things people do: text of every kind, commands known and unknown, presses of old buttons
 * and presses carrying data no button ever had. Every one of them must get a visible answer.
 */
public final class Barrage {
    private static final List<String> COMMANDS = List.of("/start", "/menu", "/help", "/cancel", "/cancel now",
            "/start deep-link-payload", "/MENU", "/help@parcel_bot", "/unknown", "/", "/menu@other_bot", "/settings",
            "/" + "x".repeat(3000));
    private static final List<String> FORGED_DATA = List.of("x", "menu:", "menu:nope", "menu:add:extra", "sub:",
            "sub:XX", "sub:ZZ000000000", "unsub:ZZ000000000", "open:AA111111111", "subs:0", "subs:-1", "subs:abc",
            "subs:999999", "lu:ZZ000000000:1", "lu::", "pl:0", "pl:99999", "pd:ZZ000000000", "ph:ZZ000000000:2",
            "ph:x:y", "del:ZZ000000000", "delok:ZZ000000000", "delno:ZZ000000000", "cp:ZZ000000000",
            "cps:UNKNOWN", "cps:IN_TRANSIT", "cps:", "cpt:now", "skip:place", "skip:note", "skip:description",
            "reg:start", "reg:skip-phone", "reg:skip-company", "reg:", "tok:issue", "tok:rotate", "tok:",
            ":::", "Ω≈ç√∫", "<b>", "&amp;", "subs:100000", "pl:100000", "hist:ZZ000000000:1",
            "hist:ZZ000000000:100000", "ph:ZZ000000000:100000", "card:ZZ000000000", "hist:ZZ000000000:100001");
    private static final List<String> TEXTS = List.of("hello", " ", "?", "VF834349180", "vf 834349180",
            "ZZ000000000", "a", "Anna", "anna@example.com", "+79991234567", "24.12.2030 18:30", "99.99.9999 99:99",
            "<b>bold</b>", "R&D <>&\"'", "*_[]()~`>#+-=|{}.!", "😀🚚📦", "line one\nline two", "\u0000\u0007",
            "Ёжик в тумане", "DROP TABLE parcels;", "skip", "now", "delivered", "IN_TRANSIT", "1", "-1");

    private final Random random;

    public Barrage(long seed) {
        this.random = new Random(seed);
    }

    /** One random action by {@code person}; asserts that the bot answered something visible. */
    public void act(Person person) {
        List<ChatMessage> messages = person.botMessages();
        int kind = random.nextInt(100);
        String description;
        Answer answer;
        if (kind < 35 || messages.isEmpty()) {
            String text = randomText();
            description = "text " + printable(text);
            answer = person.says(text);
        } else if (kind < 55) {
            String command = COMMANDS.get(random.nextInt(COMMANDS.size()));
            description = "command " + command;
            answer = person.says(command);
        } else if (kind < 85) {
            ChatMessage message = messages.get(random.nextInt(messages.size()));
            List<InlineButton> buttons = message.buttons();
            if (buttons.isEmpty()) {
                description = "forged press on a message without buttons";
                answer = person.pressesWithData(message.messageId(), FORGED_DATA.get(random.nextInt(FORGED_DATA.size())));
            } else {
                InlineButton button = buttons.get(random.nextInt(buttons.size()));
                description = "press of \"" + button.text() + "\" (" + button.callbackData() + ")";
                answer = person.pressesWithData(message.messageId(), button.callbackData());
            }
        } else {
            ChatMessage message = messages.get(random.nextInt(messages.size()));
            String data = random.nextBoolean() ? FORGED_DATA.get(random.nextInt(FORGED_DATA.size())) : randomData();
            description = "forged press " + printable(data);
            answer = person.pressesWithData(message.messageId(), data);
        }
        assertThat(answer.anythingVisible()).as("a visible answer to " + description).isTrue();
    }

    private String randomText() {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return TEXTS.get(random.nextInt(TEXTS.size()));
        }
        if (kind < 9) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(80);
            String alphabet = "abcXYZ019 <>&\"'*_[]`~|/\\@#%^.,;:!?\tёжЯ€😀";
            while (text.length() < length) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            return text.toString().isBlank() ? "x" + text : text.toString();
        }
        return "long ".repeat(800);
    }

    private String randomData() {
        StringBuilder data = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            data.append((char) (' ' + 1 + random.nextInt(94)));
        }
        return data.toString();
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }
}
