package io.parceltrack.port.in.webhook;

/**
 * What the manager bot needs of webhooks: managers' overview of their endpoints, and the notices of
 * disabled ones. A gRPC server exposes it; a gRPC client implements it.
 */
public interface ManagerWebhookUseCases extends WebhookOverviewQuery, EndpointDisabledNotices {}
