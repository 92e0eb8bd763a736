package io.parceltrack.telegram.user;

import io.parceltrack.port.in.account.GetUserQuery;
import io.parceltrack.port.in.account.RegisterUserUseCase;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.Messenger;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.chat.BotRuntime;
import java.time.Clock;
import java.util.Objects;

/**
 * The Telegram bot for recipients (SPEC §6): registration, looking parcels up, subscribing, and
 * the notifications, which go out through {@link #messenger()} on the same paced queue as the
 * bot's replies. The ports may be in-process services or gRPC clients; the bot cannot tell.
 */
public final class UserBot {

    /** What the user bot needs from the rest of the system. */
    public record Ports(
            GetUserQuery users,
            RegisterUserUseCase registration,
            UserParcelUseCases parcels,
            ConversationStore conversations,
            BlockedChatStore blockedChats) {
        public Ports {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(parcels, "parcels");
            Objects.requireNonNull(conversations, "conversations");
            Objects.requireNonNull(blockedChats, "blockedChats");
        }
    }

    private final BotRuntime<UserState> runtime;
    private final TelegramMessenger messenger;

    /** A bot that shows recipients what a public tracker shows ({@link RecipientDetails#MASKED}). */
    public UserBot(BotSettings settings, Ports ports, Clock clock) {
        this(settings, ports, RecipientDetails.MASKED, clock);
    }

    public UserBot(BotSettings settings, Ports ports, RecipientDetails recipientDetails, Clock clock) {
        UserConversation flow = new UserConversation(ports.users(), ports.registration(), ports.parcels(),
                new UserScreens(ports.parcels(), recipientDetails));
        this.runtime = new BotRuntime<>(settings, flow, ports.conversations(), ports.blockedChats(), clock);
        this.messenger = new TelegramMessenger(runtime, ports.blockedChats());
    }

    /** Starts answering people (long polling). Notifications work without it. */
    public void start() {
        runtime.start();
    }

    /** Stops answering and sending; queued notifications fail as "unavailable" and are retried by their source. */
    public void stop() {
        runtime.stop();
    }

    /** Sends notifications through this bot; blocks while rate limits make it wait. */
    public Messenger messenger() {
        return messenger;
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
