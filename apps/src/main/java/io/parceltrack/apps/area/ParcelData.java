package io.parceltrack.apps.area;

import io.parceltrack.apps.wiring.DatabaseWiring;
import io.parceltrack.apps.wiring.ProtobufOutboxPayloads;
import io.parceltrack.apps.config.AppSettings;
import io.parceltrack.memory.InMemoryIdempotencyStore;
import io.parceltrack.memory.InMemoryParcelDatabase;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.OutboxBacklog;
import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.SubscriptionStore;
import io.parceltrack.postgres.DatabaseRole;
import io.parceltrack.postgres.ParcelStores;
import io.parceltrack.postgres.PostgresDatabase;

/**
 * The parcels data every parcel area shares: parcels, the checkpoint unit of work, subscriptions,
 * the outbox, idempotency keys and webhooks, in the parcels database or in memory.
 */
public record ParcelData(ParcelStore parcels, RecordCheckpointPort checkpoints, SubscriptionStore subscriptions,
        OutboxStore outbox, OutboxBacklog backlog, IdempotencyStore idempotency, WebhookData webhooks) {

    /** On the parcels database when one is configured, else in memory. */
    public static ParcelData open(Assembly assembly) {
        AppSettings.Database database = assembly.settings().db().parcels();
        if (!database.configured()) {
            InMemoryParcelDatabase memory = new InMemoryParcelDatabase();
            return new ParcelData(memory, memory, memory, memory, memory, new InMemoryIdempotencyStore(), WebhookData.inMemory());
        }
        PostgresDatabase opened = DatabaseWiring.open(database, DatabaseRole.PARCELS, assembly);
        ParcelStores stores = opened.parcelStores(new ProtobufOutboxPayloads());
        return new ParcelData(stores.parcels(), stores.checkpoints(), stores.subscriptions(), stores.outbox(), stores.outbox(),
                stores.idempotency(), WebhookData.of(opened.webhookStores()));
    }
}
