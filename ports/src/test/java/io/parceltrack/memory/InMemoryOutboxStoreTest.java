package io.parceltrack.memory;

import io.parceltrack.contract.OutboxStoreContract;
import io.parceltrack.contract.ParcelPorts;

class InMemoryOutboxStoreTest extends OutboxStoreContract {
    @Override
    protected ParcelPorts newParcelPorts() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        return new ParcelPorts(database, database, database, database);
    }
}
