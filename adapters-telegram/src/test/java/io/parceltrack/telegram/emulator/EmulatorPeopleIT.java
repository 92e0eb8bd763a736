package io.parceltrack.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Who is behind a chat, as the bots see it through telegrambots: names, languages, labels, restarts. */
class EmulatorPeopleIT {
    private static final String TOKEN = "1101:people-test-token";
    private static final long ANNA = 601;

    private TelegramEmulator emulator;
    private OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        emulator.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private EmulatedBot start(TelegramEmulator started) {
        emulator = started.start(0);
        return emulator.registerBot(TOKEN, "parcel_people_bot");
    }

    private OkHttpTelegramClient client() {
        return new OkHttpTelegramClient(http, TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false));
    }

    /** The person as the latest update presents them to the bot. */
    private User latestSender() throws Exception {
        var updates = client().execute(GetUpdates.builder().timeout(0).build());
        Update last = updates.get(updates.size() - 1);
        return last.hasMessage() ? last.getMessage().getFrom() : last.getCallbackQuery().getFrom();
    }

    @Test
    void sendsNoLanguageForSomeoneNeverIntroducedAsTelegramDoes() throws Exception {
        EmulatedBot bot = start(new TelegramEmulator());

        bot.personSends(ANNA, "hello");

        assertThat(latestSender().getLanguageCode()).isNull();
        assertThat(bot.languageOf(ANNA)).isEmpty();
    }

    @Test
    void remembersPeopleAcrossARestartWhenGivenAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("people.json");
        EmulatedBot before = start(new TelegramEmulator().rememberPeopleIn(file));
        before.introduce(ANNA, "Анна", "ru");
        emulator.stop();

        EmulatedBot after = start(new TelegramEmulator().rememberPeopleIn(file));
        after.personSends(ANNA, "я снова здесь");

        User sender = latestSender();
        assertThat(sender.getLanguageCode()).isEqualTo("ru");
        assertThat(sender.getFirstName()).isEqualTo("Анна");
    }

    @Test
    void keepsThePersonsLanguageWhenTheControlApiNamesOnlyThem() throws Exception {
        EmulatedBot bot = start(new TelegramEmulator());
        bot.introduce(ANNA, "Anna", "ru");
        HttpClient curl = HttpClient.newHttpClient();

        HttpResponse<String> sent = curl.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                        + "/control/bots/parcel_people_bot/chats/" + ANNA + "/send-text"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\",\"firstName\":\"Anya\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(200);
        User sender = latestSender();
        assertThat(sender.getLanguageCode()).isEqualTo("ru");
        assertThat(sender.getFirstName()).isEqualTo("Anya");
    }

    @Test
    void pressesAButtonByItsLabelWithOrWithoutTheLeadingEmoji() throws Exception {
        EmulatedBot bot = start(new TelegramEmulator());
        bot.introduce(ANNA, "Anna", "en");
        client().execute(SendMessage.builder().chatId(ANNA).text("When?")
                .replyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(button("⏱ Now", "now"), button("« Menu", "menu")))
                        .keyboardRow(new InlineKeyboardRow(button("Later", "later"), button("🕓 Later", "emoji-later")))
                        .build())
                .build());

        bot.personPresses(ANNA, "Now");
        bot.personPresses(ANNA, "Menu");
        bot.personPresses(ANNA, "⏱ Now");
        bot.personPresses(ANNA, "Later");

        assertThat(bot.events(ANNA).stream().filter(event -> event.kind() == ChatEvent.Kind.PERSON_PRESSED)
                .map(ChatEvent::text)).containsExactly("now", "menu", "now", "later");
    }

    @Test
    void answersAControlRequestWithMalformedParametersWithBadRequest() throws Exception {
        start(new TelegramEmulator());
        HttpClient curl = HttpClient.newHttpClient();

        HttpResponse<String> answer = curl.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/control/limits"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"perBot\":\"many\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("error").asText()).contains("perBot");
    }

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data).build();
    }
}
