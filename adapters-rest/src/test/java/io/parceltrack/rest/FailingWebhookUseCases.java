package io.parceltrack.rest;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.webhook.DeliveryAttempt;
import io.parceltrack.domain.webhook.DestinationRules;
import io.parceltrack.domain.webhook.MessageId;
import io.parceltrack.domain.webhook.WebhookEndpoint;
import io.parceltrack.domain.webhook.WebhookEndpointId;
import io.parceltrack.port.in.webhook.RegisterWebhookCommand;
import io.parceltrack.port.in.webhook.WebhookEndpointsUseCase;
import java.util.List;
import java.util.function.Supplier;

/** The webhook use cases of a backend that is down or broken: every call fails with what {@code failure} makes. */
final class FailingWebhookUseCases implements WebhookEndpointsUseCase {
    private final WebhookEndpointsUseCase delegate;
    private final Supplier<? extends RuntimeException> failure;

    FailingWebhookUseCases(WebhookEndpointsUseCase delegate, Supplier<? extends RuntimeException> failure) {
        this.delegate = delegate;
        this.failure = failure;
    }

    @Override
    public DestinationRules destinationRules() {
        return delegate.destinationRules();
    }

    @Override
    public WebhookEndpoint register(RegisterWebhookCommand command) {
        throw failure.get();
    }

    @Override
    public void delete(TelegramId manager, WebhookEndpointId id) {
        throw failure.get();
    }

    @Override
    public WebhookEndpoint rotateSecret(TelegramId manager, WebhookEndpointId id) {
        throw failure.get();
    }

    @Override
    public MessageId sendTest(TelegramId manager, WebhookEndpointId id) {
        throw failure.get();
    }

    @Override
    public List<WebhookEndpoint> listEndpoints(TelegramId manager) {
        throw failure.get();
    }

    @Override
    public WebhookEndpoint getEndpoint(TelegramId manager, WebhookEndpointId id) {
        throw failure.get();
    }

    @Override
    public List<DeliveryAttempt> listDeliveries(TelegramId manager, WebhookEndpointId id, int limit) {
        throw failure.get();
    }
}
