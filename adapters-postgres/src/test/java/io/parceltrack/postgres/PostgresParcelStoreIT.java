package io.parceltrack.postgres;

import io.parceltrack.contract.ParcelStoreContract;
import io.parceltrack.contract.ParcelPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresParcelStoreIT extends ParcelStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }
}
