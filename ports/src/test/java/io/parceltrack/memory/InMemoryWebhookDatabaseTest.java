package io.parceltrack.memory;

import io.parceltrack.contract.WebhookPorts;
import io.parceltrack.contract.WebhookStoreContract;

class InMemoryWebhookDatabaseTest extends WebhookStoreContract {
    @Override
    protected WebhookPorts newWebhookPorts() {
        InMemoryWebhookDatabase database = new InMemoryWebhookDatabase();
        return new WebhookPorts(database, database, database);
    }
}
