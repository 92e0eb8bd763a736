package io.parceltrack.postgres;

import io.parceltrack.contract.OutboxStoreContract;
import io.parceltrack.contract.ParcelPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOutboxIT extends OutboxStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }
}
