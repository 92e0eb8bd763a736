package io.parceltrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.TestClock;
import io.parceltrack.contract.WebhookFixtures;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.webhook.RetrySchedule;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.trace.CurrentTrace;
import io.parceltrack.port.trace.FinishedSpan;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceContext;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook is scheduled while its parcel event is handled within the checkpoint's trace, and sent
 * later by a worker: every attempt continues that trace in a span of its own.
 */
class TracedWebhooksTest {
    private final TestClock clock = new TestClock(Fixtures.T0);
    private final InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
    private final TelegramId manager = Fixtures.newId();
    private final WebhookEndpoint endpoint = WebhookFixtures.endpoint(manager);
    private final List<Optional<TraceContext>> tracesAtSend = new ArrayList<>();
    private final List<SendOutcome> answers = new ArrayList<>();
    private final List<FinishedSpan> ended = new CopyOnWriteArrayList<>();
    private final WebhookEnqueueService enqueue = new WebhookEnqueueService(database, database, new InMemoryParcelDatabase(),
            clock, () -> {});
    private final WebhookDeliveryService delivery = new WebhookDeliveryService(database, database, database,
            (to, message, now) -> {
                tracesAtSend.add(CurrentTrace.get());
                return answers.remove(0);
            }, disabled -> {},
            new WebhookDeliveryService.Policy(RetrySchedule.standard(), Duration.ofDays(5), Duration.ofMinutes(1)),
            clock, new Random(1));

    TracedWebhooksTest() {
        database.insert(endpoint, 10);
        TraceSpan.reportTo(ended::add);
    }

    @AfterEach
    void reportNowhere() {
        TraceSpan.reportTo(span -> {});
    }

    private ParcelEvent checkpointEvent() {
        return ParcelEvent.checkpointRecorded(EventId.random(new Random(2)), Fixtures.parcel(manager),
                Fixtures.checkpoint(Fixtures.T0, ParcelStatus.IN_TRANSIT), Fixtures.T0);
    }

    private ScheduledDelivery claimWhenDue() {
        for (int i = 0; i < 10_000; i++) {
            List<ScheduledDelivery> due = delivery.claimDue(1, Set.of());
            if (!due.isEmpty()) {
                return due.get(0);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("nothing came due");
    }

    @Test
    void everyAttemptContinuesTheTraceTheWebhookWasScheduledInUnderASpanOfItsOwn() {
        TraceSpan scheduling = TraceSpan.continueOrStart(SpanNames.SCHEDULE_WEBHOOKS, SpanKind.CONSUMER, null);
        scheduling.run(() -> assertThat(enqueue.enqueue(checkpointEvent())).isPositive());
        TraceContext scheduled = scheduling.context().orElseThrow();
        answers.add(SendOutcome.answered(503, Duration.ofMillis(2), "busy"));
        answers.add(SendOutcome.answered(200, Duration.ofMillis(2), ""));

        delivery.attempt(claimWhenDue());
        delivery.attempt(claimWhenDue());

        assertThat(tracesAtSend).hasSize(2).allSatisfy(trace -> {
            assertThat(trace).get().extracting(TraceContext::traceId).isEqualTo(scheduled.traceId());
            assertThat(trace.get().spanId()).isNotEqualTo(scheduled.spanId());
        });
        List<FinishedSpan> attempts = ended.stream().filter(span -> span.name().equals(SpanNames.WEBHOOK_ATTEMPT)).toList();
        assertThat(attempts).hasSize(2).allSatisfy(span -> {
            assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.parentSpanId()).isEqualTo(scheduled.spanId());
            assertThat(span.attributes()).containsEntry("parceltrack.webhook.endpoint_id", endpoint.id().value().toString());
        });
        assertThat(attempts.get(0).failed()).isTrue();
        assertThat(attempts.get(0).attributes()).containsEntry("http.response.status_code", "503")
                .containsEntry("parceltrack.webhook.attempt", "1");
        assertThat(attempts.get(1).failed()).isFalse();
        assertThat(attempts.get(1).attributes()).containsEntry("parceltrack.webhook.attempt", "2");
        assertThat(CurrentTrace.get()).as("nothing left behind on the worker's thread").isEmpty();
    }

    @Test
    void aWebhookScheduledOutsideAnyTraceIsAttemptedOutsideAnyTrace() {
        assertThat(enqueue.enqueue(checkpointEvent())).isPositive();
        answers.add(SendOutcome.answered(200, Duration.ofMillis(2), ""));

        delivery.attempt(claimWhenDue());

        assertThat(tracesAtSend).containsExactly(Optional.empty());
        assertThat(ended).isEmpty();
    }
}
