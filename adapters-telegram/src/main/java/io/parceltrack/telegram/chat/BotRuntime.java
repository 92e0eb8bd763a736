package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.domain.error.DomainException;
import io.parceltrack.port.out.BlockedChatStore;
import io.parceltrack.port.out.ConversationStore;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.BotSettings;
import io.parceltrack.telegram.Language;
import io.parceltrack.telegram.text.BotDates;
import io.parceltrack.telegram.text.Markup;
import io.parceltrack.telegram.text.Phrasebook;
import io.parceltrack.telegram.text.Text;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Everything a bot needs around its conversations: long polling for updates (telegrambots), one
 * lane per chat so a person's updates are handled in order, the conversation store, answers that
 * always come (a failure is explained, never swallowed), and the {@link PacedSender} all outgoing
 * requests go through. The sender works from construction, so notifications can go out before or
 * without {@link #start()}; once stopped, a runtime stays stopped.
 */
public final class BotRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
    private static final int UPDATE_LANES = 8;

    private final BotSettings settings;
    private final ConversationFlow flow;
    private final ConversationMemory memory;
    private final BlockedChatStore blockedChats;
    private final Clock clock;
    private final BotDates dates;
    private final Map<Language, Phrasebook> phrasebooks = new EnumMap<>(Language.class);
    private final TelegramUrl telegramUrl;
    private final OkHttpClient sendingHttp;
    private final PacedSender sender;
    private final AtomicLong handledUpdates = new AtomicLong();
    private final AtomicLong failedUpdates = new AtomicLong();

    private OkHttpClient pollingHttp;
    private OkHttpClient longPollHttp;
    private ScheduledExecutorService pollingThread;
    private TelegramBotsLongPollingApplication polling;
    private ChatLanes lanes;
    private boolean stopped;
    private volatile boolean stopping;

    public BotRuntime(BotSettings settings, ConversationFlow flow, ConversationStore conversations,
            BlockedChatStore blockedChats, Clock clock) {
        this.settings = settings;
        this.flow = flow;
        this.memory = new ConversationMemory(settings.name(), conversations);
        this.blockedChats = blockedChats;
        this.clock = clock;
        this.dates = new BotDates(settings.timeZone());
        for (Language language : Language.values()) {
            phrasebooks.put(language, Phrasebook.load(language));
        }
        URIParts url = URIParts.of(settings);
        this.telegramUrl = new TelegramUrl(url.scheme(), url.host(), url.port(), false);
        this.sendingHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendingHttp, settings.token(), telegramUrl);
        this.sender = new PacedSender(settings.name(), client::execute, settings.rates(), this::markUnreachable);
    }

    /** The parts of the configured URL telegrambots wants; its default port follows the scheme. */
    private record URIParts(String scheme, String host, int port) {
        static URIParts of(BotSettings settings) {
            var uri = settings.telegramUrl();
            int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
            return new URIParts(uri.getScheme(), uri.getHost(), port);
        }
    }

    public BotSettings settings() {
        return settings;
    }

    public PacedSender sender() {
        return sender;
    }

    public BotDates dates() {
        return dates;
    }

    public Phrasebook phrasebook(Language language) {
        return phrasebooks.get(language);
    }

    /** The language last seen from this chat, or the bot's default. */
    public Language languageOf(long chatId) {
        return memory.load(chatId).map(Conversation::language).orElse(settings.defaultLanguage());
    }

    /** Updates handled to the end (replies delivered or given up), since construction. */
    public long handledUpdates() {
        return handledUpdates.get();
    }

    /** Updates whose handling hit a bug of ours; the person still got an apology. */
    public long failedUpdates() {
        return failedUpdates.get();
    }

    /**
     * Starts long polling. Fails with {@link UnavailableException} if the Bot API cannot be reached
     * (telegrambots first removes any webhook, which needs the API).
     */
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException(settings.name() + " was stopped; build a new one");
        }
        if (polling != null) {
            return;
        }
        lanes = new ChatLanes(settings.name(), UPDATE_LANES);
        long pollSeconds = settings.pollTimeout().toSeconds();
        longPollHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(pollSeconds + 20))
                .build();
        pollingHttp = new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(pollSeconds + 30))
                .addInterceptor(this::pollUnlessStopping)
                .build();
        pollingThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, settings.name() + "-long-polling");
            thread.setDaemon(true);
            return thread;
        });
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingHttp, () -> pollingThread);
        try {
            polling.registerBot(settings.token(), () -> telegramUrl,
                    lastUpdate -> GetUpdates.builder().offset(lastUpdate + 1).limit(100).timeout((int) pollSeconds)
                            .build(),
                    updates -> updates.forEach(this::accept));
        } catch (TelegramApiException e) {
            stopPolling();
            throw new UnavailableException("cannot reach the Telegram Bot API at " + settings.telegramUrl(), null);
        }
        publishCommands();
        LOG.info("{} (@{}) polls {} for updates", settings.name(), settings.username(), settings.telegramUrl());
    }

    /** Stops polling and sending. Updates already received are handled first (a few seconds at most). */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopPolling();
        if (lanes != null) {
            lanes.close();
        }
        sender.close();
        sendingHttp.dispatcher().executorService().shutdown();
        sendingHttp.connectionPool().evictAll();
        LOG.info("{} stopped", settings.name());
    }

    /**
     * Runs telegrambots' requests on a client of our own, so that {@link #stop()} can cut a long
     * poll short and answer it with "no updates": telegrambots then ends quietly instead of logging
     * a failed request and backing off.
     */
    private Response pollUnlessStopping(Interceptor.Chain chain) throws IOException {
        try {
            return longPollHttp.newCall(chain.request()).execute();
        } catch (IOException e) {
            if (!stopping) {
                throw e;
            }
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
                    .message("OK").body(ResponseBody.create("{\"ok\":true,\"result\":[]}",
                            MediaType.get("application/json")))
                    .build();
        }
    }

    private void stopPolling() {
        stopping = true;
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.debug("{}: long polling did not close cleanly", settings.name());
            }
            polling = null;
        }
        if (pollingHttp != null) {
            // Ends a long poll in progress at once instead of after its timeout.
            longPollHttp.dispatcher().cancelAll();
            longPollHttp.dispatcher().executorService().shutdown();
            longPollHttp.connectionPool().evictAll();
            pollingHttp.dispatcher().executorService().shutdown();
        }
        if (pollingThread != null) {
            pollingThread.shutdownNow();
            try {
                pollingThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void publishCommands() {
        for (Language language : Language.values()) {
            sender.sendUnpaced(commands(language).languageCode(language.code()).build())
                    .exceptionally(failure -> logCommandsFailure(failure));
        }
        sender.sendUnpaced(commands(settings.defaultLanguage()).build())
                .exceptionally(failure -> logCommandsFailure(failure));
    }

    private SetMyCommands.SetMyCommandsBuilder<?, ?> commands(Language language) {
        Phrasebook texts = phrasebooks.get(language);
        return SetMyCommands.builder()
                .command(new BotCommand("start", texts.plain(Text.COMMAND_START)))
                .command(new BotCommand("menu", texts.plain(Text.COMMAND_MENU)))
                .command(new BotCommand("help", texts.plain(Text.COMMAND_HELP)))
                .command(new BotCommand("cancel", texts.plain(Text.COMMAND_CANCEL)));
    }

    private Serializable logCommandsFailure(Throwable failure) {
        LOG.warn("{}: could not publish the command list: {}", settings.name(), rootCause(failure).getMessage());
        return null;
    }

    private void accept(Update update) {
        Optional<Incoming> incoming;
        try {
            incoming = UpdateReader.read(update);
        } catch (RuntimeException e) {
            LOG.warn("{}: update {} could not be read", settings.name(), update.getUpdateId(), e);
            incoming = Optional.empty();
        }
        if (incoming.isEmpty()) {
            handledUpdates.incrementAndGet();
            return;
        }
        Incoming in = incoming.get();
        ChatLanes current = lanes;
        try {
            current.execute(in.chatId(), () -> handle(in));
        } catch (RuntimeException e) {
            LOG.info("{}: stopping, update {} left for the next start", settings.name(), update.getUpdateId());
        }
    }

    private void handle(Incoming in) {
        List<Reply> replies;
        try {
            replies = converse(in);
        } catch (RuntimeException e) {
            failedUpdates.incrementAndGet();
            LOG.error("{}: failed to handle an update of chat {}", settings.name(), in.chatId(), e);
            Phrasebook texts = phrasebooks.get(Language.fromTelegramCode(in.languageCode())
                    .orElse(settings.defaultLanguage()));
            replies = List.of(new Reply.Send(OutgoingMessage.of(texts.phrase(Text.INTERNAL_ERROR))));
            if (in instanceof Incoming.Press press) {
                replies = List.of(replies.get(0), new Reply.AnswerPress(press.callbackId(), ""));
            }
        }
        deliver(in.chatId(), replies).whenComplete((done, failure) -> handledUpdates.incrementAndGet());
    }

    /** Runs the flow on one update and stores the conversation; returns the replies. */
    private List<Reply> converse(Incoming in) {
        try {
            blockedChats.unmarkBlocked(settings.name(), in.chatId());
        } catch (RuntimeException e) {
            LOG.warn("{}: could not clear the blocked mark of chat {}: {}", settings.name(), in.chatId(), e.toString());
        }
        Language spoken = Language.fromTelegramCode(in.languageCode()).orElse(null);
        Conversation conversation;
        try {
            conversation = memory.load(in.chatId()).orElseGet(() -> new Conversation(null, null, Map.of()));
        } catch (UnavailableException e) {
            LOG.warn("{}: conversation store unavailable: {}", settings.name(), e.getMessage());
            Turn turn = new Turn(in, new Conversation(null, null, Map.of()),
                    phrasebooks.get(spoken != null ? spoken : settings.defaultLanguage()), dates, clock.instant());
            turn.send(OutgoingMessage.of(turn.texts().phrase(Text.UNAVAILABLE)));
            turn.answerPress("");
            return turn.replies();
        }
        Language language = spoken != null ? spoken
                : conversation.language() != null ? conversation.language() : settings.defaultLanguage();
        conversation.speak(language);
        String before = memory.encode(conversation);
        Turn turn = new Turn(in, conversation, phrasebooks.get(language), dates, clock.instant());
        try {
            flow.handle(turn);
        } catch (DomainException | UnavailableException e) {
            LOG.info("{}: chat {}: {}", settings.name(), in.chatId(), e.getClass().getSimpleName());
            turn = recover(in, before, language, FailureText.explain(turn, e));
        } catch (RuntimeException e) {
            failedUpdates.incrementAndGet();
            LOG.error("{}: failed to handle an update of chat {}", settings.name(), in.chatId(), e);
            turn = recover(in, before, language, turn.texts().phrase(Text.INTERNAL_ERROR));
        }
        try {
            memory.save(in.chatId(), turn.conversation());
        } catch (RuntimeException e) {
            LOG.warn("{}: could not store the conversation of chat {}: {}", settings.name(), in.chatId(), e.toString());
        }
        turn.answerPress("");
        return turn.replies();
    }

    /** A fresh turn on the conversation as it was before the failed one, explaining the failure. */
    private Turn recover(Incoming in, String before, Language language, Markup explanation) {
        Conversation restored;
        try {
            restored = memory.decode(before);
        } catch (Exception e) {
            restored = new Conversation(null, language, Map.of());
        }
        Turn turn = new Turn(in, restored, phrasebooks.get(language), dates, clock.instant());
        try {
            flow.prompt(turn, explanation);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not repeat the question in chat {}: {}", settings.name(), in.chatId(), e.toString());
            turn.discardReplies();
            turn.send(OutgoingMessage.of(explanation));
        }
        return turn;
    }

    /** Sends the replies in order; one that fails is logged and the rest still go. */
    private CompletableFuture<Void> deliver(long chatId, List<Reply> replies) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Reply reply : replies) {
            chain = chain.thenCompose(ignored -> deliverOne(chatId, reply).handle((answer, failure) -> {
                if (failure != null) {
                    logUndelivered(chatId, reply, rootCause(failure));
                }
                return null;
            }));
        }
        return chain;
    }

    private CompletableFuture<Serializable> deliverOne(long chatId, Reply reply) {
        if (reply instanceof Reply.Send send) {
            return sender.send(chatId, sendMessage(chatId, send.message()));
        }
        if (reply instanceof Reply.Edit edit) {
            EditMessageText method = EditMessageText.builder().chatId(chatId).messageId(edit.messageId())
                    .text(edit.message().text().html()).parseMode(ParseMode.HTML)
                    .replyMarkup(inlineKeyboard(edit.message().keyboard())).build();
            // A message too old or gone to edit: show the new content as a new message instead.
            return sender.send(chatId, method).exceptionallyCompose(failure ->
                    rootCause(failure) instanceof TelegramRejectedException rejected && rejected.isMessageGone()
                            ? sender.send(chatId, sendMessage(chatId, edit.message()))
                            : CompletableFuture.failedFuture(failure));
        }
        Reply.AnswerPress answer = (Reply.AnswerPress) reply;
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> method =
                AnswerCallbackQuery.builder().callbackQueryId(answer.callbackId());
        if (!answer.text().isEmpty()) {
            method.text(answer.text());
        }
        return sender.sendUnpaced(method.build());
    }

    /** The Bot API request for a new message to a chat. */
    public static SendMessage sendMessage(long chatId, OutgoingMessage message) {
        return SendMessage.builder().chatId(chatId).text(message.text().html()).parseMode(ParseMode.HTML)
                .replyMarkup(inlineKeyboard(message.keyboard())).build();
    }

    private static InlineKeyboardMarkup inlineKeyboard(List<List<Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        return InlineKeyboardMarkup.builder().keyboard(rows.stream()
                        .map(row -> new InlineKeyboardRow(row.stream()
                                .map(button -> InlineKeyboardButton.builder().text(button.label())
                                        .callbackData(button.data()).build())
                                .toList()))
                        .toList())
                .build();
    }

    private void logUndelivered(long chatId, Reply reply, Throwable failure) {
        if (failure instanceof RecipientUnreachableException) {
            LOG.info("{}: chat {} blocked the bot; reply dropped", settings.name(), chatId);
        } else {
            LOG.warn("{}: a {} to chat {} failed: {}", settings.name(), reply.getClass().getSimpleName(), chatId,
                    failure.getMessage());
        }
    }

    private void markUnreachable(long chatId) {
        try {
            blockedChats.markBlocked(settings.name(), chatId, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("{}: could not record that chat {} blocked the bot: {}", settings.name(), chatId, e.toString());
        }
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
