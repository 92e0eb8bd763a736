package io.parceltrack.apps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.parceltrack.grpc.GrpcCallObserver;
import io.parceltrack.port.in.notification.DeliveryOutcome;
import io.parceltrack.port.out.OutboxBacklog;
import io.parceltrack.telegram.BotApiObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/OPERATIONS.md lists exactly the {@code parceltrack_*} metrics an app exports once each of
 * our observers and decorators has seen something, under the names Prometheus scrapes.
 */
class OperationsDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "OPERATIONS.md");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(parceltrack_[a-z0-9_]*)` \\|", Pattern.MULTILINE);
    private static final List<String> SAMPLE_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max", "_created");

    private final AppMetrics metrics = new AppMetrics("documented-app");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void theOperationsTableListsEveryMetricOfOursAndNothingElse() throws IOException {
        everyObserverSeesSomething();

        Set<String> families = new TreeSet<>();
        for (String line : metrics.scrape().lines().toList()) {
            if (line.startsWith("parceltrack_")) {
                families.add(family(line.split("[{ ]", 2)[0]));
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(Files.readString(DOC));
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }

        assertThat(documented).as("the parceltrack_ rows of docs/OPERATIONS.md").isEqualTo(families);
    }

    /** A sample's family: documented names are families, scrapes hold their samples. */
    private static String family(String sample) {
        return SAMPLE_SUFFIXES.stream().filter(sample::endsWith).findFirst()
                .map(suffix -> sample.substring(0, sample.length() - suffix.length())).orElse(sample);
    }

    private void everyObserverSeesSomething() {
        var registry = metrics.registry();
        new HttpMetrics(registry).completed("POST", "/api/v1/checkpoints", 429, Duration.ofMillis(3));
        GrpcMetrics grpc = new GrpcMetrics(registry);
        grpc.completed(GrpcCallObserver.Side.SERVER, "parceltrack.account.User", "GetInfo", Status.Code.OK, Duration.ofMillis(1));
        grpc.completed(GrpcCallObserver.Side.CLIENT, "parceltrack.account.User", "GetInfo", Status.Code.OK, Duration.ofMillis(2));
        new TelegramMetrics(registry).answered("user-bot", "sendMessage", BotApiObserver.Outcome.RATE_LIMITED, 3,
                Duration.ofMillis(40));
        FlowMetrics flow = new FlowMetrics(registry);
        flow.checkpoints((trackNumber, decision) -> Optional.empty());
        flow.relayed(events -> {});
        flow.fannedOut(deliveries -> {});
        flow.delivered(delivery -> DeliveryOutcome.SENT);
        OutboxGauges.register(registry, () -> OutboxBacklog.Backlog.EMPTY, Clock.systemUTC());
        new KafkaMetrics(registry).deadLettered("parcel-events-dlt", "notification-fan-out");
    }
}
