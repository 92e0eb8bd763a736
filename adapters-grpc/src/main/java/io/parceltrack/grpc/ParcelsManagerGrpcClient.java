package io.parceltrack.grpc;

import io.grpc.Channel;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcels.manager.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.manager.ListParcelsRequest;
import io.parceltrack.proto.parcels.manager.ManagerParcelRequest;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc.ParcelsManagerBlockingStub;

/** The parcels-manager service over gRPC, for the manager bot and the REST API. */
public final class ParcelsManagerGrpcClient implements ManagerParcelUseCases {
    private final ParcelsManagerBlockingStub parcels;
    private final RemoteCalls remote;

    /** {@code channel} should come from {@link ClientChannels#open} with the same settings. */
    public ParcelsManagerGrpcClient(Channel channel, GrpcClientSettings settings) {
        this.parcels = ParcelsManagerGrpc.newBlockingStub(channel);
        this.remote = new RemoteCalls("parcels-manager service", settings);
    }

    @Override
    public Parcel addParcel(AddParcelCommand command) {
        return remote.call(parcels, stub -> stub.addParcel(ManagerParcelMessages.toRequest(command)), ProtoMapping::toDomain);
    }

    @Override
    public Parcel getOwnParcel(TelegramId manager, TrackNumber trackNumber) {
        return remote.call(parcels, stub -> stub.getParcel(parcelRequest(manager, trackNumber)), ProtoMapping::toDomain);
    }

    @Override
    public void deleteParcel(TelegramId manager, TrackNumber trackNumber) {
        remote.call(parcels, stub -> stub.deleteParcel(parcelRequest(manager, trackNumber)));
    }

    @Override
    public Page<Parcel> listOwnParcels(TelegramId manager, PageRequest page) {
        ListParcelsRequest request = ListParcelsRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setPage(ProtoMapping.toProto(page))
                .build();
        return remote.call(parcels, stub -> stub.listParcels(request), ProtoMapping::toDomain);
    }

    @Override
    public Parcel addCheckpoint(AddCheckpointCommand command) {
        return remote.call(parcels, stub -> stub.addCheckpoint(ManagerParcelMessages.toRequest(command)), ProtoMapping::toDomain);
    }

    @Override
    public Page<Checkpoint> listOwnParcelCheckpoints(TelegramId manager, TrackNumber trackNumber, PageRequest page) {
        GetCheckpointsRequest request = GetCheckpointsRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setTrackNumber(trackNumber.value())
                .setPage(ProtoMapping.toProto(page))
                .build();
        return remote.call(parcels, stub -> stub.getCheckpoints(request), ProtoMapping::toDomain);
    }

    private static ManagerParcelRequest parcelRequest(TelegramId manager, TrackNumber trackNumber) {
        return ManagerParcelRequest.newBuilder()
                .setManagerTelegramId(manager.value())
                .setTrackNumber(trackNumber.value())
                .build();
    }
}
