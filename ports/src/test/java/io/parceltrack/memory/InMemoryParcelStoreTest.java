package io.parceltrack.memory;

import io.parceltrack.contract.ParcelStoreContract;
import io.parceltrack.contract.ParcelPorts;

class InMemoryParcelStoreTest extends ParcelStoreContract {
    @Override
    protected ParcelPorts newParcelPorts() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        return new ParcelPorts(database, database, database, database);
    }
}
