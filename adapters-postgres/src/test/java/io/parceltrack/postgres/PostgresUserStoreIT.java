package io.parceltrack.postgres;

import io.parceltrack.contract.UserStoreContract;
import io.parceltrack.port.out.UserStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserStoreIT extends UserStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected UserStore newUserStore() {
        return DATABASE.database().accountStores().users();
    }
}
