package io.parceltrack.telegram.chat;

import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Phrasebooks;
import io.parceltrack.telegram.text.Text;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * A bot put together: updates come in by long polling ({@link UpdatePolling}), go to their chat's
 * lane ({@link ChatLanes}), are answered by the dialogue ({@link TurnRunner}) and the answers go out
 * through the one {@link PacedSender} ({@link ReplyDelivery}). The sender works from construction,
 * so notifications can go out before or without {@link #start()}; once stopped, a bot stays stopped.
 *
 * <p>A chat that sends faster than the bot can answer gets at most {@link BotSettings#chatBacklog()}
 * updates queued; what comes beyond is skipped: a button press is answered at once with "too fast",
 * and the chat's next answer starts by saying how many messages were skipped.
 */
public final class BotRuntime<S> {
    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
    /** Updates of all chats waiting at most; beyond, polling waits and Telegram keeps them. */
    static final int UPDATE_BACKLOG = 2_000;

    private final BotSettings settings;
    private final ConversationMemory<S> memory;
    private final BotDates dates;
    private final Phrasebooks phrasebooks = new Phrasebooks();
    private final TelegramUrl telegramUrl;
    private final OkHttpClient sendingHttp;
    private final PacedSender sender;
    private final ReplyDelivery delivery;
    private final SkippedUpdates skipped = new SkippedUpdates();
    private final TurnRunner<S> turns;
    private final AtomicLong handledUpdates = new AtomicLong();

    private UpdatePolling polling;
    private ChatLanes lanes;
    private boolean stopped;

    public BotRuntime(BotSettings settings, ConversationFlow<S> flow, ConversationStore conversations,
            BlockedChatStore blockedChats, Clock clock) {
        this.settings = settings;
        this.memory = new ConversationMemory<>(settings.name(), conversations, flow.stateFormat());
        this.dates = new BotDates(settings.timeZone());
        var uri = settings.telegramUrl();
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        this.telegramUrl = new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
        this.sendingHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendingHttp, settings.token(), telegramUrl);
        this.sender = new PacedSender(settings.name(), client::execute, settings.rates(),
                chatId -> markUnreachable(blockedChats, clock, chatId), settings.observer());
        this.delivery = new ReplyDelivery(settings.name(), sender);
        this.turns = new TurnRunner<>(settings, flow, memory, blockedChats, phrasebooks, dates, clock, skipped);
    }

    public BotSettings settings() {
        return settings;
    }

    public BotDates dates() {
        return dates;
    }

    public Phrasebook phrasebook(Language language) {
        return phrasebooks.of(language);
    }

    /** The language last spoken in this chat, or the bot's default. */
    public Language languageOf(long chatId) {
        return memory.load(chatId).map(Conversation::language).orElse(settings.defaultLanguage());
    }

    /** Sends a message of the bot's own accord (a notification), paced like every other. */
    public CompletableFuture<Serializable> send(long chatId, OutgoingMessage message) {
        return sender.send(chatId, ReplyDelivery.sendMessage(chatId, message));
    }

    /** Updates handled to the end (replies delivered or given up), since construction. */
    public long handledUpdates() {
        return handledUpdates.get();
    }

    /** Updates whose handling hit a bug of ours; the person still got an apology. */
    public long failedUpdates() {
        return turns.failedUpdates();
    }

    /** Updates skipped because their chat sent faster than the bot answers. */
    public long skippedUpdates() {
        return skipped.total();
    }

    /**
     * Starts long polling. Fails with {@link UnavailableException} if the Bot API cannot be reached.
     */
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException(settings.name() + " was stopped; build a new one");
        }
        if (polling != null) {
            return;
        }
        lanes = new ChatLanes(settings.name(), settings.chatBacklog(), UPDATE_BACKLOG);
        polling = new UpdatePolling(settings, telegramUrl);
        try {
            polling.start(this::accept);
        } catch (UnavailableException e) {
            polling = null;
            lanes.close();
            throw e;
        }
        CommandMenu.publish(settings.name(), sender, phrasebooks, settings.defaultLanguage());
        LOG.info("{} (@{}) polls {} for updates", settings.name(), settings.username(), settings.telegramUrl());
    }

    /** Stops polling and sending. Updates already received are handled first (a few seconds at most). */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (polling != null) {
            polling.stop();
        }
        if (lanes != null) {
            lanes.close();
        }
        sender.close();
        sendingHttp.dispatcher().executorService().shutdown();
        sendingHttp.connectionPool().evictAll();
        LOG.info("{} stopped", settings.name());
    }

    private void accept(Update update) {
        Optional<Incoming> read;
        try {
            read = UpdateReader.read(update);
        } catch (RuntimeException e) {
            LOG.warn("{}: update {} could not be read", settings.name(), update.getUpdateId(), e);
            read = Optional.empty();
        }
        if (read.isEmpty()) {
            handledUpdates.incrementAndGet();
            return;
        }
        Incoming in = read.get();
        ChatLanes current = lanes;
        try {
            if (!current.offer(in.chatId(), () -> turn(in))) {
                skip(in);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("{}: stopping, update {} not handled", settings.name(), update.getUpdateId());
        } catch (IllegalStateException e) {
            LOG.info("{}: stopping, update {} not handled", settings.name(), update.getUpdateId());
        }
    }

    private CompletionStage<?> turn(Incoming in) {
        return delivery.deliver(in.chatId(), turns.run(in))
                .whenComplete((done, failure) -> handledUpdates.incrementAndGet());
    }

    /** An update beyond the chat's backlog: a press is answered at once, a message is counted and told later. */
    private void skip(Incoming in) {
        skipped.skip(in.chatId());
        if (in instanceof Incoming.Press press) {
            Phrasebook texts = phrasebooks.of(Language.fromTelegramCode(in.languageCode())
                    .orElse(settings.defaultLanguage()));
            delivery.answerPress(new Reply.AnswerPress(press.callbackId(), texts.plain(Text.TOO_FAST)));
        }
        LOG.debug("{}: chat {} sends faster than it is answered; an update was skipped", settings.name(), in.chatId());
    }

    private void markUnreachable(BlockedChatStore blockedChats, Clock clock, long chatId) {
        try {
            blockedChats.markBlocked(settings.name(), chatId, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("{}: could not record that chat {} blocked the bot: {}", settings.name(), chatId, e.toString());
        }
    }
}
