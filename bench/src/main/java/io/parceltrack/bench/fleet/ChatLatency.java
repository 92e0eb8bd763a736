package io.parceltrack.bench.fleet;

import io.parceltrack.bench.report.Distribution;
import io.parceltrack.bench.report.Figures;
import io.parceltrack.telegram.emulator.ChatEvent;
import io.parceltrack.telegram.emulator.EmulatedBot;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Checkpoint → message in the subscriber's chat, unsaturated: one checkpoint at a time, every
 * 250 ms, on parcels each followed by one person, rotating over 20 chats so that Telegram's one
 * message per second per chat never holds a message back. Timed from the API's 201 to the moment
 * the emulator stored the user bot's message.
 */
final class ChatLatency {
    private static final Duration PACE = Duration.ofMillis(250);
    /** Samples sent first and not counted: the first messages pay for connections and JIT. */
    private static final int WARM_UP_SAMPLES = 10;

    private final Fleet fleet;
    private final String token;
    private final FleetOptions options;
    private final PrintStream out;

    ChatLatency(Fleet fleet, String token, FleetOptions options, PrintStream out) {
        this.fleet = fleet;
        this.token = token;
        this.options = options;
        this.out = out;
    }

    void measure() throws Exception {
        Duration backlog = fleet.awaitCaughtUp(Duration.ofMinutes(5));
        out.println();
        out.println("the pipeline caught up with the load in " + backlog.toMillis() + " ms");
        EmulatedBot bot = fleet.userBot();
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString();
        double[] millis = new double[options.latencySamples()];
        try (HttpConnection connection = new HttpConnection(fleet.restApi())) {
            for (int i = -WARM_UP_SAMPLES; i < millis.length; i++) {
                int chat = Math.floorMod(i, FleetBenchmark.LATENCY_CHATS);
                long user = FleetBenchmark.FIRST_LATENCY_USER + chat;
                String trackNumber = CheckpointRequests.trackNumber(FleetBenchmark.LATENCY_PREFIX, chat + 1);
                long before = bot.lastEventSequence();
                int status = connection.exchange(HttpConnection.request("POST", fleet.restApi(), "/api/v1/checkpoints",
                        token, CheckpointRequests.body(trackNumber, time)));
                long answered = System.nanoTime();
                if (status != 201) {
                    throw new IllegalStateException("checkpoint answered " + status);
                }
                List<ChatEvent> events = bot.awaitEvents(user, before, Duration.ofSeconds(30));
                long arrived = System.nanoTime();
                if (events.stream().noneMatch(ChatEvent::byBot)) {
                    throw new IllegalStateException("no message reached chat " + user + " within 30 s");
                }
                if (i >= 0) {
                    millis[i] = (arrived - answered) / 1e6;
                }
                Thread.sleep(PACE.toMillis());
            }
        }
        Distribution latency = Distribution.of(millis);
        out.printf("## Checkpoint 201 → message in the chat (%d samples, unsaturated): p50 %s ms, p99 %s ms, max %s ms; load average %s%n",
                millis.length, Figures.format(latency.median()), Figures.format(latency.percentile(99)),
                Figures.format(latency.max()), FleetBenchmark.loadAverage());
    }

}
