package io.parceltrack.postgres;

import io.parceltrack.contract.ProcessedMessageStoreContract;
import io.parceltrack.port.out.ProcessedMessageStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProcessedMessageStoreIT extends ProcessedMessageStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ProcessedMessageStore newProcessedMessageStore() {
        return DATABASE.database().parcelStores(TestPayloads.PROTOBUF).processedMessages();
    }
}
