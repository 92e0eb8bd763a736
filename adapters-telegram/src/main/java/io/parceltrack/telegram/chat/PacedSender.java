package io.parceltrack.telegram.chat;

import io.parceltrack.port.out.UnavailableException;
import io.parceltrack.telegram.BotApiObserver;
import io.parceltrack.telegram.SendRates;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The one way out of a bot: every message, edit and notification is queued here and sent at a
 * pace Telegram accepts. Per chat, messages leave one at a time and in order; across chats, lanes
 * take turns.
 *
 * <p>Pacing counts a message from the moment its request starts until one window after Telegram
 * answered it. However the network delays requests, Telegram therefore never sees more than
 * {@code perBot} messages of this bot, or {@code perChat} messages into one chat, within a window.
 * A 429 pauses the chat and the whole bot for its {@code retry_after} (Telegram does not say which
 * limit was hit) and the message is sent again afterwards: a limit never drops a message. A 403
 * means the person blocked the bot: the message fails with {@link RecipientUnreachableException}
 * and {@code onUnreachable} is told. Network trouble is retried a few times, then reported as
 * {@link UnavailableException}.
 */
public final class PacedSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PacedSender.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int MAX_PARALLEL_REQUESTS = 16;

    private final String botName;
    private final BotApiCall api;
    private final SendRates rates;
    private final LongConsumer onUnreachable;
    private final BotApiObserver observer;
    private final long windowNanos;
    private final ExecutorService requests;
    private final Thread dispatcher;

    private final Object lock = new Object();
    private final Map<Long, Lane> lanes = new HashMap<>();
    /** Lanes with a message ready to go, in the order they take turns. */
    private final ArrayDeque<Lane> waiting = new ArrayDeque<>();
    /** When recent requests of the whole bot were answered, oldest first. */
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private int inFlight;
    private long pausedUntil;
    private boolean paused;
    private long lastSweep = System.nanoTime();
    private boolean running = true;

    private static final class Lane {
        final long chatId;
        final ArrayDeque<Job> jobs = new ArrayDeque<>();
        final ArrayDeque<Long> recent = new ArrayDeque<>();
        boolean busy;
        boolean queued;
        boolean paused;
        long pausedUntil;

        Lane(long chatId) {
            this.chatId = chatId;
        }
    }

    /** A queued request; {@code failures} counts its attempts that hit network trouble. */
    private record Job(BotApiMethod<? extends Serializable> method, CompletableFuture<Serializable> result,
            int[] failures) {}

    public PacedSender(String botName, BotApiCall api, SendRates rates, LongConsumer onUnreachable) {
        this(botName, api, rates, onUnreachable, BotApiObserver.NONE);
    }

    /** As above, telling {@code observer} how each request ended. */
    public PacedSender(String botName, BotApiCall api, SendRates rates, LongConsumer onUnreachable,
            BotApiObserver observer) {
        this.botName = botName;
        this.observer = observer;
        this.api = api;
        this.rates = rates;
        this.onUnreachable = onUnreachable;
        this.windowNanos = rates.window().toNanos();
        this.requests = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL_REQUESTS, rates.perBot()),
                daemon(botName + "-telegram-request"));
        this.dispatcher = daemon(botName + "-telegram-sender").newThread(this::dispatchLoop);
        this.dispatcher.start();
    }

    /**
     * Queues a request to {@code chatId}. The future completes with Telegram's answer ({@code null}
     * when an edit changed nothing), or fails with {@link RecipientUnreachableException},
     * {@link TelegramRejectedException} or {@link UnavailableException}.
     */
    public CompletableFuture<Serializable> send(long chatId, BotApiMethod<? extends Serializable> method) {
        CompletableFuture<Serializable> result = new CompletableFuture<>();
        synchronized (lock) {
            if (!running) {
                result.completeExceptionally(stopping());
                return result;
            }
            Lane lane = lanes.computeIfAbsent(chatId, Lane::new);
            lane.jobs.addLast(new Job(method, result, new int[1]));
            if (!lane.busy && !lane.queued) {
                lane.queued = true;
                waiting.addLast(lane);
            }
            lock.notifyAll();
        }
        return result;
    }

    /**
     * Sends a request that Telegram does not count as a message (answering a button press) at once,
     * outside the pacing, with the same error handling.
     */
    public CompletableFuture<Serializable> sendUnpaced(BotApiMethod<? extends Serializable> method) {
        CompletableFuture<Serializable> result = new CompletableFuture<>();
        try {
            requests.execute(() -> {
                Outcome outcome = attempt(0, method);
                if (outcome.failure != null) {
                    result.completeExceptionally(outcome.failure);
                } else {
                    result.complete(outcome.answer);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(stopping());
        }
        return result;
    }

    private void dispatchLoop() {
        try {
            synchronized (lock) {
                while (running) {
                    long now = System.nanoTime();
                    long wakeAt = startWhatCanStart(now);
                    if (wakeAt == Long.MAX_VALUE) {
                        lock.wait();
                    } else if (wakeAt - now > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, wakeAt - now);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts every request that may start now; returns when to look again (MAX_VALUE: when told). */
    private long startWhatCanStart(long now) {
        prune(recent, now);
        sweepIdleLanes(now);
        if (paused && now - pausedUntil < 0) {
            return pausedUntil;
        }
        paused = false;
        long wakeAt = Long.MAX_VALUE;
        Iterator<Lane> candidates = waiting.iterator();
        while (candidates.hasNext()) {
            if (inFlight + recent.size() >= rates.perBot()) {
                long freeAt = recent.isEmpty() ? Long.MAX_VALUE : recent.peekFirst() + windowNanos;
                return Math.min(wakeAt, freeAt);
            }
            Lane lane = candidates.next();
            prune(lane.recent, now);
            if (lane.paused && now - lane.pausedUntil < 0) {
                wakeAt = Math.min(wakeAt, lane.pausedUntil);
                continue;
            }
            lane.paused = false;
            if (lane.recent.size() >= rates.perChat()) {
                wakeAt = Math.min(wakeAt, lane.recent.peekFirst() + windowNanos);
                continue;
            }
            candidates.remove();
            lane.queued = false;
            lane.busy = true;
            inFlight++;
            Job job = lane.jobs.peekFirst();
            requests.execute(() -> run(lane, job));
        }
        return wakeAt;
    }

    private void run(Lane lane, Job job) {
        Outcome outcome = attempt(lane.chatId, job.method());
        if (outcome.transientFailure != null) {
            job.failures()[0]++;
        }
        boolean done = true;
        synchronized (lock) {
            long now = System.nanoTime();
            inFlight--;
            lane.busy = false;
            recent.addLast(now);
            lane.recent.addLast(now);
            if (outcome.retryAfterSeconds > 0) {
                long until = now + TimeUnit.SECONDS.toNanos(outcome.retryAfterSeconds);
                pauseLane(lane, until);
                if (!paused || until - pausedUntil > 0) {
                    pausedUntil = until;
                }
                paused = true;
                done = false;
            } else if (outcome.transientFailure != null && job.failures()[0] < MAX_ATTEMPTS) {
                pauseLane(lane, now + (FIRST_BACKOFF_NANOS << (job.failures()[0] - 1)));
                done = false;
            }
            if (!done && !running) {
                outcome.failure = stopping();
                done = true;
            }
            if (done) {
                lane.jobs.pollFirst();
            }
            if (!lane.jobs.isEmpty() && !lane.queued && running) {
                lane.queued = true;
                waiting.addLast(lane);
            } else if (lane.jobs.isEmpty() && lane.recent.isEmpty()) {
                lanes.remove(lane.chatId, lane);
            }
            lock.notifyAll();
        }
        if (outcome.retryAfterSeconds > 0) {
            LOG.info("{}: Telegram asked to wait {} s before sending more", botName, outcome.retryAfterSeconds);
        }
        if (!done) {
            return;
        }
        if (outcome.failure instanceof RecipientUnreachableException) {
            onUnreachable.accept(lane.chatId);
        }
        if (outcome.failure != null) {
            job.result().completeExceptionally(outcome.failure);
        } else if (outcome.transientFailure != null) {
            job.result().completeExceptionally(new UnavailableException(
                    "Telegram could not be reached after " + MAX_ATTEMPTS + " attempts", outcome.transientFailure));
        } else {
            job.result().complete(outcome.answer);
        }
    }

    /** Forgets chats with nothing queued, sent or paused, so a bot with many chats does not grow forever. */
    private void sweepIdleLanes(long now) {
        if (now - lastSweep < 10 * windowNanos) {
            return;
        }
        lastSweep = now;
        lanes.values().removeIf(lane -> {
            prune(lane.recent, now);
            return lane.jobs.isEmpty() && !lane.busy && !lane.queued && lane.recent.isEmpty()
                    && (!lane.paused || now - lane.pausedUntil >= 0);
        });
    }

    private static void pauseLane(Lane lane, long until) {
        if (!lane.paused || until - lane.pausedUntil > 0) {
            lane.pausedUntil = until;
        }
        lane.paused = true;
    }

    private void prune(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
    }

    /** What one request came to. Exactly one of the fields (or none, for "not modified") is set. */
    private static final class Outcome {
        Serializable answer;
        RuntimeException failure;
        Exception transientFailure;
        int retryAfterSeconds;
    }

    private Outcome attempt(long chatId, BotApiMethod<? extends Serializable> method) {
        Outcome outcome = new Outcome();
        long started = System.nanoTime();
        try {
            outcome.answer = api.call(method);
        } catch (TelegramApiRequestException e) {
            classify(chatId, e, outcome);
        } catch (TelegramApiException e) {
            outcome.transientFailure = e;
        } catch (RuntimeException e) {
            outcome.transientFailure = e;
        }
        observer.answered(botName, method.getMethod(), observed(outcome), outcome.retryAfterSeconds,
                Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private static BotApiObserver.Outcome observed(Outcome outcome) {
        if (outcome.retryAfterSeconds > 0) {
            return BotApiObserver.Outcome.RATE_LIMITED;
        }
        if (outcome.failure instanceof RecipientUnreachableException) {
            return BotApiObserver.Outcome.RECIPIENT_UNREACHABLE;
        }
        if (outcome.failure != null) {
            return BotApiObserver.Outcome.REJECTED;
        }
        return outcome.transientFailure != null ? BotApiObserver.Outcome.FAILED : BotApiObserver.Outcome.OK;
    }

    private static void classify(long chatId, TelegramApiRequestException e, Outcome outcome) {
        Integer code = e.getErrorCode();
        String description = String.valueOf(e.getApiResponse());
        if (code == null) {
            outcome.transientFailure = e;
        } else if (code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            outcome.retryAfterSeconds = retryAfter == null || retryAfter < 1 ? 1 : retryAfter;
        } else if (code == 403 || code == 400 && description.contains("chat not found")) {
            outcome.failure = new RecipientUnreachableException(chatId, description);
        } else if (code == 400 && description.contains("message is not modified")) {
            outcome.answer = null;
        } else if (code >= 400 && code < 500 && code != 409) {
            outcome.failure = new TelegramRejectedException(code, description);
        } else {
            outcome.transientFailure = e;
        }
    }

    /** Stops sending; queued messages fail with {@link UnavailableException}, in-flight ones may finish. */
    @Override
    public void close() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            for (Lane lane : lanes.values()) {
                Iterator<Job> jobs = lane.jobs.iterator();
                if (lane.busy && jobs.hasNext()) {
                    jobs.next();
                }
                while (jobs.hasNext()) {
                    jobs.next().result().completeExceptionally(stopping());
                    jobs.remove();
                }
            }
            waiting.clear();
            lock.notifyAll();
        }
        dispatcher.interrupt();
        requests.shutdown();
        try {
            if (!requests.awaitTermination(5, TimeUnit.SECONDS)) {
                requests.shutdownNow();
            }
        } catch (InterruptedException e) {
            requests.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private UnavailableException stopping() {
        return new UnavailableException(botName + " is stopping", null);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
