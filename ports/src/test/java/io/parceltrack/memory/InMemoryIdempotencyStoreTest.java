package io.parceltrack.memory;

import io.parceltrack.contract.IdempotencyStoreContract;
import io.parceltrack.port.out.IdempotencyStore;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newIdempotencyStore() {
        return new InMemoryIdempotencyStore();
    }
}
