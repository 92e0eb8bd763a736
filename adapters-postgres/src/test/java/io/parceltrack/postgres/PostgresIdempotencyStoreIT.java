package io.parceltrack.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parceltrack.contract.Fixtures;
import io.parceltrack.contract.IdempotencyStoreContract;
import io.parceltrack.port.out.IdempotencyStore;
import io.parceltrack.port.out.IdempotencyStore.Claimed;
import io.parceltrack.port.out.IdempotencyStore.Completed;
import io.parceltrack.port.out.IdempotencyStore.StoredResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresIdempotencyStoreIT extends IdempotencyStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected IdempotencyStore newIdempotencyStore() {
        return DATABASE.database().parcelStores().idempotency();
    }

    @Test
    void forgetsKeysClaimedBeforeTheCutoff() {
        PostgresIdempotencyStore idempotency = DATABASE.database().parcelStores().idempotency();
        Instant longAgo = Fixtures.T0.minusSeconds(86_400);
        StoredResponse created = new StoredResponse(201, Map.of("Location", "/api/v1/parcels/VF834349180",
                "Content-Type", "application/json"), "{}");
        idempotency.claim("manager-1", "old", "fp", longAgo, longAgo.minusSeconds(1));
        idempotency.claim("manager-1", "recent", "fp", Fixtures.T0, longAgo);
        idempotency.complete("manager-1", "recent", created);

        assertThat(idempotency.forgetClaimedBefore(Fixtures.T0.minusSeconds(60))).isEqualTo(1);

        // "recent" still answers (every header intact); "old" is gone, even for a retry that treats it as live.
        assertThat(idempotency.claim("manager-1", "recent", "fp", Fixtures.T0, longAgo)).isEqualTo(new Completed(created));
        assertThat(idempotency.claim("manager-1", "old", "other", Fixtures.T0, Instant.EPOCH)).isInstanceOf(Claimed.class);
    }
}
