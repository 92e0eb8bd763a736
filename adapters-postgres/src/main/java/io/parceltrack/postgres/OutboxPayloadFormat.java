package io.parceltrack.postgres;

import io.parceltrack.domain.notification.ParcelEvent;

/**
 * How a parcel event is kept in the outbox's {@code payload} column. The adapter does not choose
 * the encoding: the app plugs in the one its broker messages use (protobuf, see the apps module),
 * so that the relay hands on what was stored, and rows written by an older version of the app stay
 * readable as long as the encoding evolves compatibly. Fields that an operator or a relay needs
 * without decoding (the event id, the track number) are columns of their own.
 */
public interface OutboxPayloadFormat {
    byte[] write(ParcelEvent event);

    /**
     * @throws IllegalArgumentException if {@code payload} is not an event in this format; the relay
     *     then stops on that row rather than drop an event
     */
    ParcelEvent read(byte[] payload);
}
