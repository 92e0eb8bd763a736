package io.parceltrack.memory;

import io.parceltrack.contract.RecordCheckpointContract;
import io.parceltrack.contract.ParcelPorts;

class InMemoryRecordCheckpointTest extends RecordCheckpointContract {
    @Override
    protected ParcelPorts newParcelPorts() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        return new ParcelPorts(database, database, database, database);
    }
}
