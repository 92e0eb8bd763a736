package io.parceltrack.memory;

import io.parceltrack.contract.ProcessedMessageStoreContract;
import io.parceltrack.port.out.ProcessedMessageStore;

class InMemoryProcessedMessageStoreTest extends ProcessedMessageStoreContract {
    @Override
    protected ProcessedMessageStore newProcessedMessageStore() {
        return new InMemoryProcessedMessageStore();
    }
}
