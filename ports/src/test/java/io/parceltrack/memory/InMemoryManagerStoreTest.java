package io.parceltrack.memory;

import io.parceltrack.contract.ManagerStoreContract;
import io.parceltrack.port.out.ManagerStore;

class InMemoryManagerStoreTest extends ManagerStoreContract {
    @Override
    protected ManagerStore newManagerStore() {
        return new InMemoryAccountStore();
    }
}
