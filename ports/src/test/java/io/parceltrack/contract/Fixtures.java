package io.parceltrack.contract;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.account.Email;
import io.parceltrack.domain.account.Manager;
import io.parceltrack.domain.account.PersonProfile;
import io.parceltrack.domain.account.PhoneNumber;
import io.parceltrack.domain.account.User;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.RecordCheckpointPort.CheckpointRecord;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Valid sample data for tests. Instants are whole microseconds: what PostgreSQL keeps. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong IDS = new AtomicLong(1_000_000 + RANDOM.nextInt(1_000_000));

    private Fixtures() {}

    public static TelegramId newId() {
        return new TelegramId(IDS.incrementAndGet());
    }

    public static TrackNumber newTrackNumber() {
        return TrackNumber.generate(RANDOM);
    }

    public static User user(TelegramId id) {
        return new User(id, new PersonProfile("Анна Смирнова", Email.parse("anna@example.com"),
                PhoneNumber.parse("+79991234567")), T0);
    }

    public static Manager manager(TelegramId id) {
        return new Manager(id, new PersonProfile("Max Müller", Email.parse("max@shop.example"), null),
                "Fast Parcels Ltd", T0, null);
    }

    public static ParcelDetails details(String name) {
        return new ParcelDetails(name, "Ivan Petrov", "Moscow, Tverskaya 1", T0.plus(7, ChronoUnit.DAYS),
                "fragile: handle with care");
    }

    public static Parcel parcel(TelegramId owner) {
        return parcel(owner, newTrackNumber(), T0);
    }

    public static Parcel parcel(TelegramId owner, TrackNumber trackNumber, Instant createdAt) {
        return Parcel.register(trackNumber, details("Phone case"), owner, createdAt);
    }

    public static Checkpoint checkpoint(Instant time, ParcelStatus status) {
        return new Checkpoint(time, "Sorting centre, Kazan", "arrived", status);
    }

    public static ParcelEvent event(TrackNumber trackNumber, Checkpoint checkpoint) {
        return new ParcelEvent(EventId.random(RANDOM), trackNumber, "Phone case", checkpoint, T0);
    }

    /** The record a service would make: the parcel with the checkpoint applied, and its event. */
    public static CheckpointRecord recordFor(Parcel current, Checkpoint checkpoint) {
        return new CheckpointRecord(current.withCheckpoint(checkpoint), checkpoint,
                ParcelEvent.checkpointRecorded(EventId.random(RANDOM), current, checkpoint, T0));
    }

    /** The event a service makes of deleting {@code current}. */
    public static ParcelEvent deletionOf(Parcel current) {
        return ParcelEvent.parcelDeleted(EventId.random(RANDOM), current, T0);
    }
}
