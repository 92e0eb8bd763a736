package io.parceltrack.postgres;

import io.parceltrack.contract.ManagerStoreContract;
import io.parceltrack.port.out.ManagerStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresManagerStoreIT extends ManagerStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ManagerStore newManagerStore() {
        return DATABASE.database().accountStores().managers();
    }
}
