package io.parceltrack.postgres;

/** The stores of the parcels database. */
public record ParcelStores(
        PostgresParcelStore parcels,
        PostgresCheckpointRecorder checkpoints,
        PostgresSubscriptionStore subscriptions,
        PostgresOutbox outbox,
        PostgresProcessedMessageStore processedMessages,
        PostgresIdempotencyStore idempotency) {}
