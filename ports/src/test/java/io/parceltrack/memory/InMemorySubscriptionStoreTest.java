package io.parceltrack.memory;

import io.parceltrack.contract.SubscriptionStoreContract;
import io.parceltrack.contract.ParcelPorts;

class InMemorySubscriptionStoreTest extends SubscriptionStoreContract {
    @Override
    protected ParcelPorts newParcelPorts() {
        InMemoryParcelDatabase database = new InMemoryParcelDatabase();
        return new ParcelPorts(database, database, database, database);
    }
}
