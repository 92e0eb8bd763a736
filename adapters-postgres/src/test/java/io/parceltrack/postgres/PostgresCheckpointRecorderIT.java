package io.parceltrack.postgres;

import io.parceltrack.contract.RecordCheckpointContract;
import io.parceltrack.contract.ParcelPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCheckpointRecorderIT extends RecordCheckpointContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected ParcelPorts newParcelPorts() {
        return ParcelPortsOnPostgres.of(DATABASE.database());
    }
}
