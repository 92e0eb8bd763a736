package io.parceltrack.postgres;

import io.parceltrack.contract.IdempotencyStoreContract;
import io.parceltrack.port.out.IdempotencyStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresIdempotencyStoreIT extends IdempotencyStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected IdempotencyStore newIdempotencyStore() {
        return DATABASE.database().parcelStores(TestPayloads.PROTOBUF).idempotency();
    }
}
