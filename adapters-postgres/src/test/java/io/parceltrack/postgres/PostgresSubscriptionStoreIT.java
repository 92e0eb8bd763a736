package io.parceltrack.postgres;

import io.parceltrack.contract.SubscriptionStoreContract;
import io.parceltrack.contract.ParcelPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSubscriptionStoreIT extends SubscriptionStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }
}
