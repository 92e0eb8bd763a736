package io.parceltrack.memory;

import io.parceltrack.contract.UserStoreContract;
import io.parceltrack.port.out.UserStore;

class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected UserStore newUserStore() {
        return new InMemoryAccountStore();
    }
}
