package io.parceltrack.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The emulator as the real telegrambots client library sees it, over HTTP. */
class TelegramEmulatorIT {
    private static final String TOKEN = "1001:emulator-test-token";
    private static final long ANNA = 501;

    private final TelegramEmulator emulator = new TelegramEmulator();
    private EmulatedBot bot;
    private OkHttpTelegramClient client;
    private OkHttpClient http;

    @BeforeEach
    void start() {
        emulator.start(0);
        bot = emulator.registerBot(TOKEN, "parcel_test_bot");
        http = new OkHttpClient();
        client = new OkHttpTelegramClient(http, TOKEN, url());
    }

    @AfterEach
    void stop() {
        emulator.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", emulator.port(), false);
    }

    @Test
    void showsAnHtmlMessageWithItsButtonsAndReturnsItToTheClient() throws Exception {
        bot.introduce(ANNA, "Anna", "ru");

        Message sent = client.execute(SendMessage.builder().chatId(ANNA).parseMode("HTML")
                .text("<b>Parcel</b> &lt;fragile&gt; &amp; co")
                .replyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Open").callbackData("open:1").build()))
                        .build())
                .build());

        assertThat(sent.getMessageId()).isPositive();
        assertThat(sent.getText()).isEqualTo("Parcel <fragile> & co");
        ChatMessage shown = bot.message(ANNA, sent.getMessageId()).orElseThrow();
        assertThat(shown.text()).isEqualTo("Parcel <fragile> & co");
        assertThat(shown.markup()).isEqualTo("<b>Parcel</b> &lt;fragile&gt; &amp; co");
        assertThat(shown.buttons()).containsExactly(new InlineButton("Open", "open:1"));
    }

    @Test
    void refusesHtmlThatTelegramCouldNotParse() {
        bot.introduce(ANNA, "Anna", "en");

        for (String broken : List.of("a < b", "Tom & Jerry", "<b>bold", "<script>x</script>", "1 > 0")) {
            assertThatThrownBy(() -> client.execute(
                    SendMessage.builder().chatId(ANNA).parseMode("HTML").text(broken).build()))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(400));
        }
        assertThat(bot.botMessages(ANNA)).isEmpty();
    }

    @Test
    void refusesAMessageToSomeoneWhoNeverOpenedTheBot() {
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(999_999L).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).contains("chat not found");
                });
    }

    @Test
    void deliversWhatAPersonWritesAndPressesThroughLongPolling() throws Exception {
        List<Update> received = new CopyOnWriteArrayList<>();
        ScheduledExecutorService pollThread = Executors.newSingleThreadScheduledExecutor();
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> http, () -> pollThread)) {
            app.registerBot(TOKEN, this::url, offset -> GetUpdates.builder().offset(offset + 1).timeout(1).build(),
                    received::addAll);
            bot.introduce(ANNA, "Anna", "ru");
            bot.personSends(ANNA, "/start");
            Message card = client.execute(SendMessage.builder().chatId(ANNA).text("card")
                    .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                            InlineKeyboardButton.builder().text("Subscribe").callbackData("sub:VF834349180").build()))
                            .build())
                    .build());
            String queryId = bot.personPresses(ANNA, "Subscribe");

            awaitSize(received, 2);
            Update command = received.get(0);
            assertThat(command.getMessage().getText()).isEqualTo("/start");
            assertThat(command.getMessage().isCommand()).isTrue();
            assertThat(command.getMessage().getChatId()).isEqualTo(ANNA);
            assertThat(command.getMessage().getFrom().getLanguageCode()).isEqualTo("ru");
            Update press = received.get(1);
            assertThat(press.getCallbackQuery().getData()).isEqualTo("sub:VF834349180");
            assertThat(press.getCallbackQuery().getId()).isEqualTo(queryId);
            assertThat(press.getCallbackQuery().getMessage().getMessageId()).isEqualTo(card.getMessageId());
            assertThat(press.getCallbackQuery().getMessage().getChatId()).isEqualTo(ANNA);
            assertThat(press.getUpdateId()).isGreaterThan(command.getUpdateId());
        } finally {
            pollThread.shutdownNow();
        }
    }

    @Test
    void answersAPressOnceAndCountsUnansweredOnes() throws Exception {
        bot.introduce(ANNA, "Anna", "en");
        client.execute(SendMessage.builder().chatId(ANNA).text("pick")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("A").callbackData("a").build())).build())
                .build());
        String first = bot.personPresses(ANNA, "A");
        bot.personPresses(ANNA, "A");

        assertThat(client.execute(AnswerCallbackQuery.builder().callbackQueryId(first).text("Done").build())).isTrue();

        assertThat(bot.unansweredPresses()).isEqualTo(1);
        assertThatThrownBy(() -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(first).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(400));
        assertThat(bot.events(ANNA)).extracting(ChatEvent::kind).contains(ChatEvent.Kind.BOT_ANSWERED_PRESS);
    }

    @Test
    void editsAMessageInPlaceAndRefusesAnEditThatChangesNothing() throws Exception {
        bot.introduce(ANNA, "Anna", "en");
        Message sent = client.execute(SendMessage.builder().chatId(ANNA).text("Subscribed: no").build());
        EditMessageText edit = EditMessageText.builder().chatId(ANNA).messageId(sent.getMessageId())
                .text("Subscribed: yes").build();

        client.execute(edit);

        ChatMessage shown = bot.message(ANNA, sent.getMessageId()).orElseThrow();
        assertThat(shown.text()).isEqualTo("Subscribed: yes");
        assertThat(shown.edits()).isEqualTo(1);
        assertThat(bot.botMessages(ANNA)).hasSize(1);
        assertThatThrownBy(() -> client.execute(edit))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).contains("message is not modified"));
    }

    @Test
    void answersForbiddenWhenThePersonBlockedTheBotUntilTheyWriteAgain() throws Exception {
        bot.introduce(ANNA, "Anna", "en");
        bot.block(ANNA);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(ANNA).text("news").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(403));

        bot.personSends(ANNA, "hello again");
        assertThat(client.execute(SendMessage.builder().chatId(ANNA).text("welcome back").build()).getText())
                .isEqualTo("welcome back");
    }

    @Test
    void answersTooManyRequestsWithRetryAfterAndCountsRequestsThatIgnoreIt() throws Exception {
        bot.setLimits(new EmulatorLimits(true, 30, 1, Duration.ofSeconds(1)));
        bot.introduce(ANNA, "Anna", "en");
        client.execute(SendMessage.builder().chatId(ANNA).text("one").build());

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(ANNA).text("two").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                });
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(ANNA).text("three").build()))
                .isInstanceOf(TelegramApiRequestException.class);

        FloodStats stats = bot.floodStats();
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.tooManyRequests()).isEqualTo(2);
        assertThat(stats.requestsDuringPenalty()).isEqualTo(1);
        assertThat(stats.maxPerChatPerWindow()).isEqualTo(1);
    }

    @Test
    void keepsCommandsPerLanguage() throws Exception {
        client.execute(SetMyCommands.builder().languageCode("ru")
                .command(new BotCommand("menu", "Меню")).command(new BotCommand("help", "Помощь")).build());

        assertThat(bot.commands()).containsEntry("ru", List.of("menu", "help"));
    }

    @Test
    void refusesAnUnknownToken() {
        OkHttpTelegramClient stranger = new OkHttpTelegramClient(http, "42:not-registered", url());

        assertThatThrownBy(() -> stranger.execute(SendMessage.builder().chatId(ANNA).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(401));
    }

    @Test
    void letsAPersonTypeAReplyKeyboardButton() throws Exception {
        bot.introduce(ANNA, "Anna", "en");
        client.execute(SendMessage.builder().chatId(ANNA).text("Share?")
                .replyMarkup(ReplyKeyboardMarkup.builder()
                        .keyboardRow(new KeyboardRow(List.of(new KeyboardButton("Yes"), new KeyboardButton("No"))))
                        .build())
                .build());

        assertThat(bot.botMessages(ANNA).get(0).replyKeyboard()).containsExactly(List.of("Yes", "No"));
        bot.personPresses(ANNA, "No");

        List<ChatMessage> messages = bot.messages(ANNA);
        assertThat(messages.get(messages.size() - 1).text()).isEqualTo("No");
        assertThat(messages.get(messages.size() - 1).fromBot()).isFalse();
    }

    @Test
    void offersTheSameToAHumanThroughTheControlApi() throws Exception {
        HttpClient curl = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String base = emulator.baseUrl() + "/control/bots/parcel_test_bot/chats/" + ANNA;

        JsonNode wrote = json.readTree(curl.send(post(base + "/send-text",
                "{\"text\":\"/start\",\"firstName\":\"Anna\",\"languageCode\":\"ru\"}"),
                HttpResponse.BodyHandlers.ofString()).body());
        client.execute(SendMessage.builder().chatId(ANNA).text("Welcome")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Register").callbackData("reg").build())).build())
                .build());
        HttpResponse<String> pressed = curl.send(post(base + "/press-button", "{\"button\":\"Register\"}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = curl.send(post(base + "/press-button", "{\"button\":\"Nope\"}"),
                HttpResponse.BodyHandlers.ofString());
        JsonNode messages = json.readTree(curl.send(HttpRequest.newBuilder(URI.create(base + "/messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode stats = json.readTree(curl.send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/control/bots/parcel_test_bot/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(wrote.path("messageId").asInt()).isEqualTo(1);
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pressed.body()).path("callbackQueryId").asText()).isNotEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("text").asText()).isEqualTo("Welcome");
        assertThat(messages.get(1).path("inlineKeyboard").get(0).get(0).path("callbackData").asText()).isEqualTo("reg");
        assertThat(stats.path("accepted").asLong()).isEqualTo(1);
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
