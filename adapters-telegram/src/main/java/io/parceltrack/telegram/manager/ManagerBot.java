package io.parceltrack.telegram.manager;

import io.parceltrack.port.in.account.ApiTokenUseCase;
import io.parceltrack.port.in.account.GetManagerQuery;
import io.parceltrack.port.in.account.RegisterManagerUseCase;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.port.in.webhook.WebhookOverviewQuery;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.webhook.WebhookNoticeMessenger;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.chat.BotRuntime;
import io.parceltrack.telegram.chat.PushedMessage;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * The Telegram bot for shipping managers (SPEC §6): registration, adding parcels and checkpoints,
 * the parcel list with details, the recipient's link and deletion, the REST API token, and the
 * manager's webhooks with their delivery attempts (and notices of disabled ones). The
 * ports may be in-process services or gRPC clients; the bot cannot tell.
 */
public final class ManagerBot {

    /** What the manager bot needs from the rest of the system. */
    public record Ports(
            GetManagerQuery managers,
            RegisterManagerUseCase registration,
            ApiTokenUseCase apiTokens,
            ManagerParcelUseCases parcels,
            WebhookOverviewQuery webhooks,
            ConversationStore conversations,
            BlockedChatStore blockedChats) {
        public Ports {
            Objects.requireNonNull(webhooks, "webhooks");
            Objects.requireNonNull(managers, "managers");
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(apiTokens, "apiTokens");
            Objects.requireNonNull(parcels, "parcels");
            Objects.requireNonNull(conversations, "conversations");
            Objects.requireNonNull(blockedChats, "blockedChats");
        }
    }

    /**
     * Where the bot points managers: the REST API, and the user bot whose deep links
     * ({@code https://t.me/<userBotUsername>?start=<track number>}) it gives out for recipients.
     *
     * @param restApiUrl the REST API's base URL as managers should call it (e.g.
     *     {@code https://parcels.example.com/api/v1}), shown next to a new API token
     * @param userBotUsername the user bot's Telegram username, without @
     */
    public record Links(URI restApiUrl, String userBotUsername) {
        public Links {
            Objects.requireNonNull(restApiUrl, "restApiUrl");
            Objects.requireNonNull(userBotUsername, "userBotUsername");
        }
    }

    private final BotRuntime<ManagerState> runtime;
    private final WebhookNoticeMessenger notices;

    public ManagerBot(BotSettings settings, Ports ports, Links links, Clock clock) {
        ManagerConversation flow = new ManagerConversation(ports.managers(), ports.registration(),
                ports.apiTokens(), ports.parcels(),
                new ManagerScreens(ports.parcels(), links.restApiUrl(), links.userBotUsername()),
                new WebhookScreens(ports.webhooks(), links.restApiUrl()));
        this.runtime = new BotRuntime<>(settings, flow, ports.conversations(), ports.blockedChats(), clock);
        this.notices = notice -> PushedMessage.send(runtime, ports.blockedChats(), notice.manager().value(),
                texts -> WebhookScreens.disabledNotice(texts, notice), "notice of disabled webhook " + notice.endpoint());
    }

    /**
     * Tells managers in this bot's chats that their webhook endpoint was disabled, in their language;
     * give it to an {@code EndpointDisabledNoticeService}. Works while the bot runs.
     */
    public WebhookNoticeMessenger webhookNotices() {
        return notices;
    }

    /** Starts answering people (long polling). */
    public void start() {
        runtime.start();
    }

    public void stop() {
        runtime.stop();
    }

    public BotSettings settings() {
        return runtime.settings();
    }

    /** Updates handled to the end since the bot was built. */
    public long handledUpdates() {
        return runtime.handledUpdates();
    }

    /** Updates whose handling hit a bug of ours (each still got an apology). */
    public long failedUpdates() {
        return runtime.failedUpdates();
    }

    /** Updates skipped because their chat sent faster than the bot answers (see docs/BOTS.md). */
    public long skippedUpdates() {
        return runtime.skippedUpdates();
    }
}
