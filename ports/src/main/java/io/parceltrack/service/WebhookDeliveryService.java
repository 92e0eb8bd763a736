package io.parceltrack.service;

import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DeliveryAttempt.Outcome;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.RetrySchedule;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.SendOutcome;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.in.webhook.DeliverWebhooksUseCase;
import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import io.parceltrack.port.out.webhook.WebhookAlerts;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import io.parceltrack.port.out.webhook.WebhookSender;
import io.parceltrack.port.trace.SpanKind;
import io.parceltrack.port.trace.SpanNames;
import io.parceltrack.port.trace.TraceSpan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Attempts due webhooks and decides what each outcome means: a 2xx finishes the delivery; a
 * failure worth retrying schedules it again with backoff until the retry window is over; other
 * failures finish it. An endpoint whose attempts have all failed for {@code disableAfter} is
 * disabled, its pending deliveries are dropped and its manager is told.
 */
public final class WebhookDeliveryService implements DeliverWebhooksUseCase {

    /**
     * @param lease how long a claimed delivery is left to its claimer: longer than one attempt can take
     */
    public record Policy(RetrySchedule retries, Duration disableAfter, Duration lease) {
        public Policy {
            if (disableAfter.isNegative() || disableAfter.isZero() || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("disableAfter and lease must be positive");
            }
        }
    }

    private final WebhookEndpointStore endpoints;
    private final WebhookSchedule schedule;
    private final DeliveryAttemptLog log;
    private final WebhookSender sender;
    private final WebhookAlerts alerts;
    private final Policy policy;
    private final Clock clock;
    private final RandomGenerator random;

    public WebhookDeliveryService(WebhookEndpointStore endpoints, WebhookSchedule schedule, DeliveryAttemptLog log,
            WebhookSender sender, WebhookAlerts alerts, Policy policy, Clock clock, RandomGenerator random) {
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.log = log;
        this.sender = sender;
        this.alerts = alerts;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public List<ScheduledDelivery> claimDue(int limit, Set<WebhookEndpointId> busy) {
        Instant now = clock.instant();
        return schedule.claimDue(now, now.plus(policy.lease()), limit, busy);
    }

    /**
     * Within a span of the trace the delivery was scheduled in (if any): its log lines carry that
     * trace id, and the span records the endpoint, the attempt's number, status code and outcome.
     */
    @Override
    public void attempt(ScheduledDelivery delivery) {
        TraceSpan span = TraceSpan.continueIfAny(SpanNames.WEBHOOK_ATTEMPT, SpanKind.CLIENT, delivery.trace())
                .attribute("parceltrack.webhook.endpoint_id", delivery.endpoint().value())
                .attribute("parceltrack.webhook.message_id", delivery.message().id().value())
                .attribute("parceltrack.webhook.event_type", delivery.message().type())
                .attribute("parceltrack.webhook.attempt", delivery.attempts() + 1);
        span.run(() -> attempt(delivery, span));
    }

    private void attempt(ScheduledDelivery delivery, TraceSpan span) {
        Optional<WebhookEndpoint> found = endpoints.find(delivery.endpoint());
        if (found.isEmpty() || !found.get().health().enabled()) {
            schedule.finish(delivery, clock.instant());
            return;
        }
        WebhookEndpoint endpoint = found.get();
        Instant now = clock.instant();
        SendOutcome sent = sender.send(endpoint, delivery.message(), now);
        span.attribute("parceltrack.webhook.delivered", sent.delivered());
        if (sent.statusCode() > 0) {
            span.attribute("http.response.status_code", sent.statusCode());
        }
        if (!sent.delivered()) {
            span.fail(sent.verdict().name());
        }
        if (sent.delivered()) {
            log.record(DeliveryAttempt.of(delivery, now, sent, Outcome.DELIVERED));
            schedule.finish(delivery, now);
            if (!(endpoint.health() instanceof EndpointHealth.Healthy)) {
                endpoints.updateHealth(endpoint.id(), EndpointHealth.healthy());
            }
            return;
        }
        Optional<Instant> next = sent.verdict() == SendOutcome.Verdict.RETRY
                ? policy.retries().nextAttempt(delivery.attempts() + 1, delivery.enqueuedAt(), now, random)
                : Optional.empty();
        if (next.isPresent()) {
            log.record(DeliveryAttempt.of(delivery, now, sent, Outcome.RETRYING));
            schedule.retryAt(delivery, next.get());
        } else {
            log.record(DeliveryAttempt.of(delivery, now, sent,
                    sent.verdict() == SendOutcome.Verdict.RETRY ? Outcome.GAVE_UP : Outcome.FAILED));
            schedule.finish(delivery, now);
        }
        recordFailure(endpoint, now, sent.error());
    }

    private void recordFailure(WebhookEndpoint endpoint, Instant now, String error) {
        EndpointHealth health = endpoint.health().failedAt(now, error);
        if (!health.failingFor(policy.disableAfter(), now)) {
            endpoints.updateHealth(endpoint.id(), health);
            return;
        }
        EndpointHealth.Failing failing = (EndpointHealth.Failing) health;
        EndpointHealth disabled = new EndpointHealth.Disabled(now,
                "every attempt failed since " + failing.since() + "; the last: " + error);
        endpoints.updateHealth(endpoint.id(), disabled);
        schedule.finishAllOf(endpoint.id(), now);
        alerts.endpointDisabled(endpoint.withHealth(disabled));
    }
}
