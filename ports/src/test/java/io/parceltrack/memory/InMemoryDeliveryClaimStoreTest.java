package io.parceltrack.memory;

import io.parceltrack.contract.DeliveryClaimStoreContract;
import io.parceltrack.port.out.DeliveryClaimStore;

class InMemoryDeliveryClaimStoreTest extends DeliveryClaimStoreContract {
    @Override
    protected DeliveryClaimStore newDeliveryClaimStore() {
        return new InMemoryDeliveryClaimStore();
    }
}
