package io.parceltrack.postgres;

/** The webhook stores of the parcels database. */
public record WebhookStores(
        PostgresWebhookEndpointStore endpoints,
        PostgresWebhookSchedule schedule,
        PostgresDeliveryAttemptLog attempts) {}
