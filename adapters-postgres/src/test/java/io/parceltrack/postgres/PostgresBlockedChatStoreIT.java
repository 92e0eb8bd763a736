package io.parceltrack.postgres;

import io.parceltrack.contract.BlockedChatStoreContract;
import io.parceltrack.port.out.BlockedChatStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresBlockedChatStoreIT extends BlockedChatStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected BlockedChatStore newBlockedChatStore() {
        return DATABASE.database().botStores().blockedChats();
    }
}
