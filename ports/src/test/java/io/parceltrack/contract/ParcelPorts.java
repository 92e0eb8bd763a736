package io.parceltrack.contract;

import io.parceltrack.port.out.OutboxStore;
import io.parceltrack.port.out.ParcelStore;
import io.parceltrack.port.out.RecordCheckpointPort;
import io.parceltrack.port.out.SubscriptionStore;

/**
 * The out-ports backed by the parcels database. They share data (a subscription needs its parcel;
 * a checkpoint feeds the outbox), so the parcels contracts get them together, over one empty database.
 */
public record ParcelPorts(
        ParcelStore parcels, RecordCheckpointPort checkpoints, SubscriptionStore subscriptions, OutboxStore outbox) {}
