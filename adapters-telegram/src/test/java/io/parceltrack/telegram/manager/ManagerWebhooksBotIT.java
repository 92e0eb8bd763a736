package io.parceltrack.telegram.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.memory.InMemoryProcessedMessageStore;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.service.EndpointDisabledNoticeService;
import io.parceltrack.telegram.Backend;
import io.parceltrack.telegram.Person;
import io.parceltrack.telegram.Person.Answer;
import io.parceltrack.telegram.emulator.ChatMessage;
import io.parceltrack.telegram.emulator.InlineButton;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager bot's webhook screens and the notice of a disabled endpoint, end to end: the real
 * telegrambots client against the emulator, services in memory.
 */
class ManagerWebhooksBotIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static RunningManagerBot running;
    private static Backend backend;

    @BeforeAll
    static void startBot() {
        running = new RunningManagerBot("3003:manager-webhooks-test", "parcel_manager_hooks_bot");
        backend = running.backend;
    }

    @AfterAll
    static void stopBot() {
        running.close();
    }

    private static WebhookEndpoint register(Person manager, String url) {
        return backend.webhooks.register(RegisterWebhookCommand.parse(TelegramId.of(manager.id()), url,
                List.of("checkpoint.recorded", "parcel.deleted"), backend.webhooks.destinationRules()));
    }

    private static void health(WebhookEndpoint endpoint, EndpointHealth health) {
        assertThat(backend.webhookDatabase.updateHealth(endpoint.id(), health)).isTrue();
    }

    private static DeliveryAttempt attempt(WebhookEndpoint endpoint, int number, int status, String error) {
        DeliveryAttempt attempt = new DeliveryAttempt(endpoint.id(), MessageId.random(RANDOM), "checkpoint.recorded",
                number, Instant.parse("2026-03-01T09:00:00Z").plusSeconds(60L * number), status,
                Duration.ofMillis(100 + number), error,
                status == 200 ? DeliveryAttempt.Outcome.DELIVERED : DeliveryAttempt.Outcome.RETRYING);
        backend.webhookDatabase.record(attempt);
        return attempt;
    }

    private static List<String> labels(ChatMessage message) {
        return message.buttons().stream().map(InlineButton::text).toList();
    }

    @Test
    void withoutEndpointsPointsToTheRestApi() {
        Person max = running.registeredManager("en");

        Answer answer = max.presses("🔗 Webhooks");

        assertThat(answer.text()).contains("You have no webhook endpoints yet")
                .contains("POST http://localhost:8080/api/v1/webhooks")
                .contains("http://localhost:8080/api/v1/openapi.json");
        assertThat(answer.lastShown().hasButton("« Menu")).isTrue();
        assertThat(max.says("/webhooks").text()).contains("You have no webhook endpoints yet");
    }

    @Test
    void listsEndpointsFivePerPageWithTheirStateAndAddressesShortenedSafely() {
        Person max = running.registeredManager("en");
        WebhookEndpoint withKey = register(max, "https://hooks.shop.example/in?token=s3cr3t-value");
        WebhookEndpoint failing = register(max, "https://failing.shop.example/hook");
        WebhookEndpoint disabled = register(max, "http://127.0.0.1:9/x");
        register(max, "https://hooks.shop.example/" + "very-long-path/".repeat(10));
        register(max, "https://five.shop.example/a&b");
        register(max, "https://six.shop.example/");
        register(running.newManager("en"), "https://not.mine.example/");
        health(failing, new EndpointHealth.Failing(Instant.parse("2026-03-01T09:00:00Z"), "answered 503"));
        health(disabled, new EndpointHealth.Disabled(Instant.parse("2026-03-06T09:00:00Z"), "every attempt failed"));

        Answer first = max.presses("Webhooks");

        assertThat(first.text()).contains("Your webhooks, page 1")
                .contains("1. hooks.shop.example/in?… — ✅ working")
                .contains("2. failing.shop.example/hook — ⚠️ failing since 01.03.2026 12:00")
                .contains("3. http://127.0.0.1:9/x — ⛔ disabled on 06.03.2026 12:00")
                .contains("4. hooks.shop.example/very-long-path/very-long-pat… — ✅ working")
                .contains("5. five.shop.example/a&b — ✅ working")
                .doesNotContain("s3cr3t").doesNotContain("six.shop.example").doesNotContain("not.mine")
                .contains("POST http://localhost:8080/api/v1/webhooks");
        assertThat(first.lastShown().markup()).contains("five.shop.example/a&amp;b");
        assertThat(labels(first.lastShown())).contains("✅ hooks.shop.example/in?…", "⚠️ failing.shop.example/hook",
                "⛔ http://127.0.0.1:9/x", "Next ▶", "« Menu");
        Answer second = max.presses("Next ▶");
        assertThat(second.edited()).isTrue();
        assertThat(second.text()).contains("Your webhooks, page 2").contains("6. six.shop.example/")
                .doesNotContain("failing.shop.example");
        assertThat(labels(second.lastShown())).contains("◀ Back").doesNotContain("Next ▶");
        assertThat(withKey.url().toString()).contains("s3cr3t");
    }

    @Test
    void anEndpointShowsItsStateAndRecentAttemptsNewestFirstPagedInPlace() {
        Person max = running.registeredManager("en");
        WebhookEndpoint endpoint = register(max, "https://hooks.shop.example/attempts");
        for (int number = 1; number <= 7; number++) {
            attempt(endpoint, number, number == 7 ? 0 : 503, number == 7 ? "connect timed out" : "answered 503: <busy>");
        }
        health(endpoint, new EndpointHealth.Failing(Instant.parse("2026-03-01T09:01:00Z"), "connect timed out"));

        max.presses("Webhooks");
        Answer details = max.presses("⚠️ hooks.shop.example/attempts");

        assertThat(details.edited()).isFalse();
        assertThat(details.text()).contains("Webhook " + endpoint.id())
                .contains("Address: hooks.shop.example/attempts")
                .contains("Events: checkpoint.recorded, parcel.deleted")
                .contains("State: ⚠️ failing since 01.03.2026 12:01")
                .contains("Last error: connect timed out")
                .contains("Delivery attempts, newest first, page 1 (times UTC+3)")
                .contains("01.03.2026 12:07 · checkpoint.recorded · attempt 7 · no answer · 107 ms · 🔁 will retry")
                .contains("01.03.2026 12:03 · checkpoint.recorded · attempt 3 · HTTP 503 · 103 ms · 🔁 will retry")
                .contains("answered 503: <busy>")
                .doesNotContain("attempt 2 ·");
        assertThat(details.text().indexOf("attempt 7")).isLessThan(details.text().indexOf("attempt 3"));
        assertThat(details.lastShown().markup()).contains("&lt;busy&gt;");
        Answer older = max.presses("◀ Older");
        assertThat(older.edited()).isTrue();
        assertThat(older.text()).contains("page 2").contains("attempt 2 ·").contains("attempt 1 ·")
                .doesNotContain("attempt 3 ·");
        assertThat(labels(older.lastShown())).contains("Newer ▶", "« Webhooks", "« Menu").doesNotContain("◀ Older");
        assertThat(max.presses("« Webhooks").text()).contains("Your webhooks, page 1");
    }

    @Test
    void forgedPagesAndEndpointsAreClampedOrRefused() {
        Person max = running.registeredManager("en");
        WebhookEndpoint endpoint = register(max, "https://hooks.shop.example/forged");
        attempt(endpoint, 1, 200, "");
        Person other = running.newManager("en");
        backend.registerManager(other.id(), "Olga Other");
        WebhookEndpoint foreign = register(other, "https://foreign.shop.example/");
        max.presses("Webhooks");
        int list = max.lastBotMessage().messageId();

        Answer farPage = max.pressesWithData(list, "whl:99999");
        assertThat(farPage.pressNote()).isEqualTo("That page no longer exists");
        assertThat(max.message(list).text()).contains("Your webhooks, page 1");
        Answer farAttempts = max.pressesWithData(list, "whd:" + endpoint.id() + ":99999");
        assertThat(farAttempts.pressNote()).isEqualTo("That page no longer exists");
        assertThat(farAttempts.text()).contains("page 1").contains("attempt 1 · HTTP 200 · 101 ms · ✅ delivered");
        Answer notMine = max.pressesWithData(list, "wh:" + foreign.id());
        assertThat(notMine.text()).contains("That webhook endpoint is not yours").doesNotContain("foreign.shop");
        Answer absent = max.pressesWithData(list, "wh:" + WebhookEndpointId.random(RANDOM));
        assertThat(absent.pressNote()).isEqualTo("That webhook endpoint no longer exists.");
        assertThat(absent.sentCount()).isZero();
        Answer malformed = max.pressesWithData(list, "wh:ep_zz");
        assertThat(malformed.anythingVisible()).isTrue();
        assertThat(malformed.text()).doesNotContain("Webhook ep_");
    }

    @Test
    void aDeletedEndpointSaysSoOnItsOwnScreen() {
        Person max = running.registeredManager("en");
        WebhookEndpoint endpoint = register(max, "https://hooks.shop.example/gone");
        max.presses("Webhooks");
        Answer details = max.presses("✅ hooks.shop.example/gone");
        backend.webhooks.delete(TelegramId.of(max.id()), endpoint.id());

        Answer paged = max.pressesWithData(details.lastShown().messageId(), "whd:" + endpoint.id() + ":1");

        assertThat(paged.pressNote()).isEqualTo("That webhook endpoint no longer exists.");
        assertThat(paged.text()).isEqualTo("That webhook endpoint no longer exists.");
        assertThat(labels(paged.lastShown())).containsExactly("« Webhooks", "« Menu");
    }

    @Test
    void speaksRussian() {
        Person anna = running.registeredManager("ru");
        WebhookEndpoint endpoint = register(anna, "https://hooks.shop.example/ru");
        health(endpoint, new EndpointHealth.Disabled(Instant.parse("2026-03-06T09:00:00Z"), "все попытки не удались"));
        attempt(endpoint, 1, 500, "answered 500");

        Answer list = anna.presses("🔗 Вебхуки");
        assertThat(list.text()).contains("Ваши вебхуки, страница 1").contains("⛔ отключён 06.03.2026 12:00")
                .contains("через REST API");
        Answer details = anna.presses("⛔ hooks.shop.example/ru");
        assertThat(details.text()).contains("Адрес: hooks.shop.example/ru").contains("Причина: все попытки не удались")
                .contains("Больше ничего туда не отправляется")
                .contains("Попытки доставки, сначала новые, страница 1")
                .contains("попытка 1 · HTTP 500 · 101 мс · 🔁 будет повтор");
        assertThat(labels(details.lastShown())).contains("« Вебхуки", "« Меню");
    }

    @Test
    void tellsTheManagerOnceThatAnEndpointWasDisabled() {
        Person max = running.registeredManager("en");
        Person anna = running.registeredManager("ru");
        WebhookEndpoint hers = register(anna, "https://anna.shop.example/hook?key=private");
        WebhookEndpoint his = register(max, "https://max.shop.example/hook");
        Person blocker = running.registeredManager("en");
        WebhookEndpoint blocked = register(blocker, "https://blocker.shop.example/");
        running.telegram.block(blocker.id());
        health(his, new EndpointHealth.Disabled(Instant.parse("2026-03-06T09:00:00Z"),
                "every attempt failed since 2026-03-01T09:00:00Z; the last: answered 503"));
        health(hers, new EndpointHealth.Disabled(Instant.parse("2026-03-06T10:00:00Z"), "every attempt failed"));
        health(blocked, new EndpointHealth.Disabled(Instant.parse("2026-03-06T11:00:00Z"), "every attempt failed"));
        int maxBefore = max.botMessages().size();
        int annaBefore = anna.botMessages().size();
        EndpointDisabledNoticeService notices = new EndpointDisabledNoticeService(backend.webhooks,
                new InMemoryProcessedMessageStore(), running.bot.webhookNotices(), backend.clock, 10);

        assertThat(notices.passOnPending()).isGreaterThanOrEqualTo(3);
        notices.passOnPending();

        List<ChatMessage> toMax = max.botMessages().subList(maxBefore, max.botMessages().size());
        assertThat(toMax).hasSize(1);
        assertThat(toMax.get(0).text()).contains("Your webhook was disabled").contains("max.shop.example/hook")
                .contains("Why: every attempt failed since 2026-03-01T09:00:00Z; the last: answered 503")
                .contains("register it anew through the REST API");
        List<ChatMessage> toAnna = anna.botMessages().subList(annaBefore, anna.botMessages().size());
        assertThat(toAnna).hasSize(1);
        assertThat(toAnna.get(0).text()).contains("Вебхук отключён").contains("anna.shop.example/hook?…")
                .doesNotContain("private");
        assertThat(backend.webhooks.pendingNotices(100)).extracting(notice -> notice.endpoint())
                .doesNotContain(his.id(), hers.id(), blocked.id());

        Answer opened = max.pressesOn(toMax.get(0).messageId(), "🔗 Webhooks");
        assertThat(opened.text()).contains("Webhook " + his.id()).contains("State: ⛔ disabled on 06.03.2026 12:00");
    }
}
