package io.parceltrack.postgres;

import io.parceltrack.contract.DeliveryClaimStoreContract;
import io.parceltrack.port.out.DeliveryClaimStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDeliveryClaimStoreIT extends DeliveryClaimStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected DeliveryClaimStore newDeliveryClaimStore() {
        return DATABASE.database().botStores().deliveryClaims();
    }
}
