package io.parceltrack.postgres;

import io.parceltrack.contract.ParcelPorts;

/** The parcels contracts' view of the parcels database's stores. */
final class ParcelPortsOnPostgres {
    private ParcelPortsOnPostgres() {}

    static ParcelPorts of(PostgresDatabase database) {
        ParcelStores stores = database.parcelStores(TestPayloads.PROTOBUF);
        return new ParcelPorts(stores.parcels(), stores.checkpoints(), stores.subscriptions(), stores.outbox());
    }
}
