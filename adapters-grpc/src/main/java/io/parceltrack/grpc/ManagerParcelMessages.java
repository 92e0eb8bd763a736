package io.parceltrack.grpc;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcels.manager.AddCheckpointRequest;
import io.parceltrack.proto.parcels.manager.AddParcelRequest;

/**
 * Domain ⇄ protobuf for the parcels-manager commands: the client writes a request from a command,
 * the server reads it back into one, reporting every bad field at once.
 */
final class ManagerParcelMessages {
    private ManagerParcelMessages() {}

    static AddParcelRequest toRequest(AddParcelCommand command) {
        ParcelDetails details = command.details();
        return AddParcelRequest.newBuilder()
                .setManagerTelegramId(command.manager().value())
                .setName(details.name())
                .setRecipient(details.recipient())
                .setArrivalAddress(details.arrivalAddress())
                .setForecastDate(ProtoMapping.toProto(details.forecastDate()))
                .setDescription(details.description())
                .build();
    }

    static AddParcelCommand toCommand(AddParcelRequest request) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        ParcelDetails details = read.read(() -> new ParcelDetails(
                request.getName(),
                request.getRecipient(),
                request.getArrivalAddress(),
                ProtoMapping.toInstant(ParcelDetails.FORECAST_DATE.field(), request.hasForecastDate(), request.getForecastDate()),
                request.getDescription()));
        read.requireValid();
        return new AddParcelCommand(manager, details);
    }

    static AddCheckpointRequest toRequest(AddCheckpointCommand command) {
        return AddCheckpointRequest.newBuilder()
                .setManagerTelegramId(command.manager().value())
                .setTrackNumber(command.trackNumber().value())
                .setCheckpoint(ProtoMapping.toProto(command.checkpoint()))
                .build();
    }

    static AddCheckpointCommand toCommand(AddCheckpointRequest request) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        TrackNumber trackNumber = read.trackNumber(request.getTrackNumber());
        Checkpoint checkpoint = read.read(() -> ProtoMapping.toDomain(request.getCheckpoint()));
        read.requireValid();
        return new AddCheckpointCommand(manager, trackNumber, checkpoint);
    }
}
