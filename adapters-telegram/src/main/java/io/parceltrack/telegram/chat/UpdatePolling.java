package io.parceltrack.telegram.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.BotSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling for a bot's updates with telegrambots, on HTTP clients of our own so that
 * {@link #stop()} can cut a poll in progress short. Updates are handed over on the polling thread,
 * in order; a consumer that waits holds the next poll back (Telegram keeps the updates meanwhile).
 */
final class UpdatePolling {
    private static final Logger LOG = LoggerFactory.getLogger(UpdatePolling.class);

    private final BotSettings settings;
    private final TelegramUrl telegramUrl;
    private OkHttpClient pollingHttp;
    private OkHttpClient longPollHttp;
    private ScheduledExecutorService pollingThread;
    private TelegramBotsLongPollingApplication polling;
    private volatile boolean stopping;

    UpdatePolling(BotSettings settings, TelegramUrl telegramUrl) {
        this.settings = settings;
        this.telegramUrl = telegramUrl;
    }

    /**
     * Starts polling. Fails with {@link UnavailableException} if the Bot API cannot be reached
     * (telegrambots first removes any webhook, which needs the API).
     */
    void start(Consumer<Update> updates) {
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
                    batch -> batch.forEach(updates));
        } catch (TelegramApiException e) {
            stop();
            throw new UnavailableException("cannot reach the Telegram Bot API at " + settings.telegramUrl(), null);
        }
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

    void stop() {
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
}
