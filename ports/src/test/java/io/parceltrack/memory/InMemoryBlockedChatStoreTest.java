package io.parceltrack.memory;

import io.parceltrack.contract.BlockedChatStoreContract;
import io.parceltrack.port.out.BlockedChatStore;

class InMemoryBlockedChatStoreTest extends BlockedChatStoreContract {
    @Override
    protected BlockedChatStore newBlockedChatStore() {
        return new InMemoryBlockedChatStore();
    }
}
