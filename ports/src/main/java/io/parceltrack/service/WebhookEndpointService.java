package io.parceltrack.service;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.ConflictException;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.error.NotFoundException;
import io.parceltrack.domain.error.Subject;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.EndpointDisabledNotice;
import io.parceltrack.domain.webhook.EndpointHealth;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.ScheduledDelivery;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.domain.webhook.WebhookEndpointView;
import io.parceltrack.domain.webhook.WebhookMessage;
import io.parceltrack.domain.webhook.WebhookSecret;
import io.parceltrack.port.in.webhook.ManagerWebhookUseCases;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** What managers do with their webhook endpoints. */
public final class WebhookEndpointService implements WebhookEndpointsUseCase, ManagerWebhookUseCases {
    public static final int MAX_DELIVERIES_LISTED = 100;

    /**
     * @param maxEndpointsPerManager how many endpoints one manager may have (bounds the fan-out of each event)
     * @param rotationGrace how long a rotated-out secret keeps signing beside the new one
     */
    public record Limits(int maxEndpointsPerManager, Duration rotationGrace) {
        public Limits {
            if (maxEndpointsPerManager < 1) {
                throw new IllegalArgumentException("maxEndpointsPerManager must be positive");
            }
            if (rotationGrace.isNegative()) {
                throw new IllegalArgumentException("rotationGrace must not be negative");
            }
        }
    }

    private final DestinationRules rules;
    private final WebhookEndpointStore endpoints;
    private final WebhookSchedule schedule;
    private final DeliveryAttemptLog attempts;
    private final Limits limits;
    private final Clock clock;
    private final RandomGenerator secureRandom;
    private final Runnable deliveriesWaiting;

    /**
     * @param deliveriesWaiting told when a delivery was scheduled, so that a sender in this process
     *     can start at once rather than at its next poll
     */
    public WebhookEndpointService(DestinationRules rules, WebhookEndpointStore endpoints, WebhookSchedule schedule,
            DeliveryAttemptLog attempts, Limits limits, Clock clock, RandomGenerator secureRandom, Runnable deliveriesWaiting) {
        this.rules = rules;
        this.endpoints = endpoints;
        this.schedule = schedule;
        this.attempts = attempts;
        this.limits = limits;
        this.clock = clock;
        this.secureRandom = secureRandom;
        this.deliveriesWaiting = deliveriesWaiting;
    }

    @Override
    public DestinationRules destinationRules() {
        return rules;
    }

    @Override
    public WebhookEndpoint register(RegisterWebhookCommand command) {
        WebhookEndpoint endpoint = new WebhookEndpoint(WebhookEndpointId.random(secureRandom), command.manager(),
                command.url(), command.events(), WebhookSecret.generate(secureRandom), List.of(), clock.instant(),
                EndpointHealth.healthy());
        if (!endpoints.insert(endpoint, limits.maxEndpointsPerManager())) {
            throw new ConflictException("a manager may have at most " + limits.maxEndpointsPerManager()
                    + " webhook endpoints; delete one first");
        }
        return endpoint;
    }

    @Override
    public List<WebhookEndpoint> listEndpoints(TelegramId manager) {
        return endpoints.findByManager(manager);
    }

    @Override
    public WebhookEndpoint getEndpoint(TelegramId manager, WebhookEndpointId id) {
        return endpoints.find(id).orElseThrow(() -> notFound(id)).requireOwnedBy(manager);
    }

    @Override
    public void delete(TelegramId manager, WebhookEndpointId id) {
        getEndpoint(manager, id);
        if (!endpoints.delete(id)) {
            throw notFound(id);
        }
    }

    @Override
    public WebhookEndpoint rotateSecret(TelegramId manager, WebhookEndpointId id) {
        WebhookEndpoint rotated = getEndpoint(manager, id)
                .withRotatedSecret(WebhookSecret.generate(secureRandom), clock.instant().plus(limits.rotationGrace()));
        if (!endpoints.updateSecrets(id, rotated.secret(), rotated.retiredSecrets())) {
            throw notFound(id);
        }
        return rotated;
    }

    @Override
    public MessageId sendTest(TelegramId manager, WebhookEndpointId id) {
        WebhookEndpoint endpoint = getEndpoint(manager, id);
        if (!endpoint.health().enabled()) {
            throw new ConflictException("webhook endpoint " + id + " is disabled; register it again to receive webhooks");
        }
        Instant now = clock.instant();
        WebhookMessage test = WebhookMessage.test(MessageId.random(secureRandom), id, now);
        schedule.enqueue(List.of(ScheduledDelivery.fresh(id, test, now)));
        deliveriesWaiting.run();
        return test.id();
    }

    @Override
    public List<DeliveryAttempt> listDeliveries(TelegramId manager, WebhookEndpointId id, int limit) {
        if (limit < 1 || limit > MAX_DELIVERIES_LISTED) {
            throw InvalidInputException.of("limit", Kind.OUT_OF_RANGE, "must be 1 to " + MAX_DELIVERIES_LISTED);
        }
        getEndpoint(manager, id);
        return attempts.recent(id, limit);
    }

    @Override
    public List<WebhookEndpointView> listEndpointViews(TelegramId manager) {
        return listEndpoints(manager).stream().map(WebhookEndpointView::of).toList();
    }

    @Override
    public List<EndpointDisabledNotice> pendingNotices(int limit) {
        if (limit < 1 || limit > MAX_NOTICES_LISTED) {
            throw InvalidInputException.of("limit", Kind.OUT_OF_RANGE, "must be 1 to " + MAX_NOTICES_LISTED);
        }
        return endpoints.findDisabledUntold(limit).stream().flatMap(endpoint -> EndpointDisabledNotice.of(endpoint).stream())
                .toList();
    }

    @Override
    public void noticeGiven(WebhookEndpointId endpoint, Instant disabledAt) {
        endpoints.markManagerTold(endpoint, disabledAt, clock.instant());
    }

    static NotFoundException notFound(WebhookEndpointId id) {
        return new NotFoundException(Subject.WEBHOOK_ENDPOINT, "no webhook endpoint " + id);
    }
}
