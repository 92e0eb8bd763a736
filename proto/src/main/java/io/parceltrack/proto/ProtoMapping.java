package io.parceltrack.proto;

import com.google.protobuf.Timestamp;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.error.InvalidInputException;
import io.parceltrack.domain.notification.Delivery;
import io.parceltrack.domain.notification.DeliveryId;
import io.parceltrack.domain.notification.EventId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.CheckpointEffect;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.domain.validation.FieldViolation.Kind;
import io.parceltrack.proto.notification.Event;
import io.parceltrack.proto.parcel.CheckpointPage;
import io.parceltrack.proto.parcel.ParcelPage;
import io.parceltrack.proto.parcel.Status;
import java.time.Instant;
import java.util.UUID;

/**
 * The one translation between the domain model and the protobuf messages that both gRPC and the
 * broker carry. Reading a message validates it like any other input: a bad one throws
 * {@link InvalidInputException}.
 */
public final class ProtoMapping {
    private ProtoMapping() {}

    // --- time

    public static Timestamp toProto(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /**
     * {@code null} for an unset timestamp, so that domain validation reports the field as required.
     * A timestamp no {@link Instant} can hold is reported against {@code field}.
     */
    public static Instant toInstant(String field, boolean present, Timestamp timestamp) {
        if (!present) {
            return null;
        }
        if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            throw InvalidInputException.of(field, Kind.MALFORMED, "has nanoseconds out of range");
        }
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (java.time.DateTimeException e) {
            throw InvalidInputException.of(field, Kind.OUT_OF_RANGE, "is out of range");
        }
    }

    /** A timestamp that must be present. */
    private static Instant requiredInstant(String field, boolean present, Timestamp timestamp) {
        requirePresent(present, field);
        return toInstant(field, true, timestamp);
    }

    // --- status

    public static Status toProto(ParcelStatus status) {
        return switch (status) {
            case UNKNOWN -> Status.UNKNOWN;
            case PENDING -> Status.PENDING;
            case IN_TRANSIT -> Status.IN_TRANSIT;
            case DELIVERED -> Status.DELIVERED;
            case CANCELED -> Status.CANCELED;
        };
    }

    /** Unset and unrecognised values become {@link ParcelStatus#UNKNOWN}, which checkpoints refuse. */
    public static ParcelStatus toDomain(Status status) {
        return switch (status) {
            case PENDING -> ParcelStatus.PENDING;
            case IN_TRANSIT -> ParcelStatus.IN_TRANSIT;
            case DELIVERED -> ParcelStatus.DELIVERED;
            case CANCELED -> ParcelStatus.CANCELED;
            case UNKNOWN, UNRECOGNIZED -> ParcelStatus.UNKNOWN;
        };
    }

    // --- checkpoint

    public static io.parceltrack.proto.parcel.Checkpoint toProto(Checkpoint checkpoint) {
        return io.parceltrack.proto.parcel.Checkpoint.newBuilder()
                .setTime(toProto(checkpoint.time()))
                .setPlace(checkpoint.place())
                .setDescription(checkpoint.description())
                .setParcelStatus(toProto(checkpoint.status()))
                .build();
    }

    /** An unset status reads as absent, so that the checkpoint reports it as required. */
    public static Checkpoint toDomain(io.parceltrack.proto.parcel.Checkpoint checkpoint) {
        ParcelStatus status = toDomain(checkpoint.getParcelStatus());
        return new Checkpoint(
                toInstant(Checkpoint.TIME.field(), checkpoint.hasTime(), checkpoint.getTime()),
                checkpoint.getPlace(),
                checkpoint.getDescription(),
                status == ParcelStatus.UNKNOWN ? null : status);
    }

    // --- parcel

    public static io.parceltrack.proto.parcel.Parcel toProto(Parcel parcel) {
        ParcelDetails details = parcel.details();
        var builder = io.parceltrack.proto.parcel.Parcel.newBuilder()
                .setTrackNumber(parcel.trackNumber().value())
                .setName(details.name())
                .setRecipient(details.recipient())
                .setArrivalAddress(details.arrivalAddress())
                .setForecastDate(toProto(details.forecastDate()))
                .setDescription(details.description())
                .setStatus(toProto(parcel.status()))
                .setManagerTelegramId(parcel.owner().value())
                .setCreatedAt(toProto(parcel.createdAt()));
        parcel.lastCheckpointTime().ifPresent(time -> builder.setLastCheckpointAt(toProto(time)));
        return builder.build();
    }

    public static Parcel toDomain(io.parceltrack.proto.parcel.Parcel parcel) {
        ParcelDetails details = new ParcelDetails(
                parcel.getName(),
                parcel.getRecipient(),
                parcel.getArrivalAddress(),
                toInstant(ParcelDetails.FORECAST_DATE.field(), parcel.hasForecastDate(), parcel.getForecastDate()),
                parcel.getDescription());
        return new Parcel(
                TrackNumber.parse(parcel.getTrackNumber()),
                details,
                new TelegramId(parcel.getManagerTelegramId()),
                toDomain(parcel.getStatus()),
                requiredInstant("createdAt", parcel.hasCreatedAt(), parcel.getCreatedAt()),
                toInstant("lastCheckpointAt", parcel.hasLastCheckpointAt(), parcel.getLastCheckpointAt()));
    }

    // --- paging

    /** An unset page request means the first page of the default size. */
    public static PageRequest toDomain(boolean present, io.parceltrack.proto.parcel.PageRequest page) {
        if (!present) {
            return PageRequest.firstDefault();
        }
        int number = page.getPage() == 0 ? 1 : page.getPage();
        int size = page.getPageSize() == 0 ? PageRequest.DEFAULT_SIZE : page.getPageSize();
        return new PageRequest(number, size);
    }

    public static io.parceltrack.proto.parcel.PageRequest toProto(PageRequest page) {
        return io.parceltrack.proto.parcel.PageRequest.newBuilder()
                .setPage(page.page())
                .setPageSize(page.size())
                .build();
    }

    public static ParcelPage toParcelPage(Page<Parcel> page) {
        return ParcelPage.newBuilder()
                .addAllParcels(page.items().stream().map(ProtoMapping::toProto).toList())
                .setPage(page.request().page())
                .setPageSize(page.request().size())
                .setHasNext(page.hasNext())
                .build();
    }

    public static Page<Parcel> toDomain(ParcelPage page) {
        return new Page<>(
                page.getParcelsList().stream().map(ProtoMapping::toDomain).toList(),
                new PageRequest(page.getPage(), page.getPageSize()),
                page.getHasNext());
    }

    public static CheckpointPage toCheckpointPage(Page<Checkpoint> page) {
        return CheckpointPage.newBuilder()
                .addAllCheckpoints(page.items().stream().map(ProtoMapping::toProto).toList())
                .setPage(page.request().page())
                .setPageSize(page.request().size())
                .setHasNext(page.hasNext())
                .build();
    }

    public static Page<Checkpoint> toDomain(CheckpointPage page) {
        return new Page<>(
                page.getCheckpointsList().stream().map(ProtoMapping::toDomain).toList(),
                new PageRequest(page.getPage(), page.getPageSize()),
                page.getHasNext());
    }

    // --- broker messages

    public static io.parceltrack.proto.notification.Event toProto(ParcelEvent event) {
        var builder = io.parceltrack.proto.notification.Event.newBuilder()
                .setEventId(event.id().toString())
                .setTrackNumber(event.trackNumber().value())
                .setParcelName(event.parcelName())
                .setOccurredAt(toProto(event.occurredAt()))
                .setKind(event.isCheckpoint() ? Event.Kind.CHECKPOINT_RECORDED : Event.Kind.PARCEL_DELETED)
                .setStatusBefore(toProto(event.statusBefore()));
        if (event.isCheckpoint()) {
            builder.setCheckpoint(toProto(event.checkpoint()))
                    .setParcelStatus(toProto(event.effect().parcelStatus()))
                    .setRecordedLate(event.effect().recordedLate());
        }
        event.knownManager().ifPresent(manager -> builder.setManagerTelegramId(manager.value()));
        return builder.build();
    }

    /** Events written before they carried kind, owner and previous status read as checkpoint events without them. */
    public static ParcelEvent toDomain(io.parceltrack.proto.notification.Event event) {
        if (event.getKind() == Event.Kind.UNRECOGNIZED) {
            throw InvalidInputException.of("kind", Kind.MALFORMED, "is not a known kind of event");
        }
        boolean deleted = event.getKind() == Event.Kind.PARCEL_DELETED;
        if (!deleted) {
            requirePresent(event.hasCheckpoint(), "checkpoint");
        }
        Checkpoint checkpoint = deleted ? null : toDomain(event.getCheckpoint());
        return new ParcelEvent(
                new EventId(uuid("eventId", event.getEventId())),
                TrackNumber.parse(event.getTrackNumber()),
                event.getParcelName(),
                checkpoint,
                requiredInstant("occurredAt", event.hasOccurredAt(), event.getOccurredAt()),
                deleted ? ParcelEvent.Kind.PARCEL_DELETED : ParcelEvent.Kind.CHECKPOINT_RECORDED,
                event.getManagerTelegramId() == 0 ? null : new TelegramId(event.getManagerTelegramId()),
                toDomain(event.getStatusBefore()),
                deleted ? null : effect(checkpoint, event.getParcelStatus(), event.getRecordedLate()));
    }

    public static io.parceltrack.proto.notification.Delivery toProto(Delivery delivery) {
        return io.parceltrack.proto.notification.Delivery.newBuilder()
                .setDeliveryId(delivery.id().toString())
                .setEventId(delivery.event().toString())
                .setUserTelegramId(delivery.recipient().value())
                .setTrackNumber(delivery.trackNumber().value())
                .setParcelName(delivery.parcelName())
                .setCheckpoint(toProto(delivery.checkpoint()))
                .setParcelStatus(toProto(delivery.effect().parcelStatus()))
                .setRecordedLate(delivery.effect().recordedLate())
                .build();
    }

    public static Delivery toDomain(io.parceltrack.proto.notification.Delivery delivery) {
        requirePresent(delivery.hasCheckpoint(), "checkpoint");
        Checkpoint checkpoint = toDomain(delivery.getCheckpoint());
        DeliveryId claimed = new DeliveryId(uuid("deliveryId", delivery.getDeliveryId()));
        Delivery read = new Delivery(
                new EventId(uuid("eventId", delivery.getEventId())),
                new TelegramId(delivery.getUserTelegramId()),
                TrackNumber.parse(delivery.getTrackNumber()),
                delivery.getParcelName(),
                checkpoint,
                effect(checkpoint, delivery.getParcelStatus(), delivery.getRecordedLate()));
        // Whoever wrote it must have derived its id from the event and the recipient, as the fan-out does.
        if (!read.id().equals(claimed)) {
            throw InvalidInputException.of("deliveryId", Kind.MALFORMED,
                    "does not derive from eventId and userTelegramId: not a delivery of ours");
        }
        return read;
    }

    /** Messages written before the effect was carried have no parcel status: the old meaning is presumed. */
    private static CheckpointEffect effect(Checkpoint checkpoint, Status parcelStatus, boolean recordedLate) {
        ParcelStatus status = toDomain(parcelStatus);
        return status == ParcelStatus.UNKNOWN
                ? CheckpointEffect.presumed(checkpoint)
                : new CheckpointEffect(status, recordedLate);
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, Kind.MALFORMED, "must be a UUID");
        }
    }

    private static void requirePresent(boolean present, String field) {
        if (!present) {
            throw InvalidInputException.of(field, Kind.REQUIRED, "is required");
        }
    }
}
