package io.parceltrack.memory;

import io.parceltrack.contract.ConversationStoreContract;
import io.parceltrack.port.out.ConversationStore;

class InMemoryConversationStoreTest extends ConversationStoreContract {
    @Override
    protected ConversationStore newConversationStore() {
        return new InMemoryConversationStore();
    }
}
