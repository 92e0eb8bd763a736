package io.parceltrack.postgres;

import io.parceltrack.contract.WebhookPorts;
import io.parceltrack.contract.WebhookStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresWebhookStoresIT extends WebhookStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected WebhookPorts newWebhookPorts() {
        WebhookStores stores = DATABASE.database().webhookStores();
        return new WebhookPorts(stores.endpoints(), stores.schedule(), stores.attempts());
    }
}
