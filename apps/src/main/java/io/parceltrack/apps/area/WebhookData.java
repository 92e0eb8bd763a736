package io.parceltrack.apps.area;

import io.parceltrack.memory.InMemoryWebhookDatabase;
import io.parceltrack.port.out.webhook.DeliveryAttemptLog;
import io.parceltrack.port.out.webhook.WebhookEndpointStore;
import io.parceltrack.port.out.webhook.WebhookSchedule;
import io.parceltrack.postgres.WebhookStores;

/** Managers' webhook endpoints, the deliveries owed to them and the log of attempts: part of the parcels data. */
public record WebhookData(WebhookEndpointStore endpoints, WebhookSchedule schedule, DeliveryAttemptLog attempts) {

    static WebhookData inMemory() {
        InMemoryWebhookDatabase memory = new InMemoryWebhookDatabase();
        return new WebhookData(memory, memory, memory);
    }

    static WebhookData of(WebhookStores stores) {
        return new WebhookData(stores.endpoints(), stores.schedule(), stores.attempts());
    }
}
