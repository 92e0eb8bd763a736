package io.parceltrack.postgres;

import io.parceltrack.contract.ConversationStoreContract;
import io.parceltrack.port.out.ConversationStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresConversationStoreIT extends ConversationStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ConversationStore newConversationStore() {
        return DATABASE.database().botStores().conversations();
    }
}
