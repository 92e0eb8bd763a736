package io.parceltrack.grpc;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcel.CheckpointPage;
import io.parceltrack.proto.parcel.Parcel;
import io.parceltrack.proto.parcel.ParcelPage;
import io.parceltrack.proto.parcels.manager.AddCheckpointRequest;
import io.parceltrack.proto.parcels.manager.AddParcelRequest;
import io.parceltrack.proto.parcels.manager.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.manager.ListParcelsRequest;
import io.parceltrack.proto.parcels.manager.ManagerParcelRequest;
import io.parceltrack.proto.parcels.manager.ParcelsManagerGrpc;

/**
 * The parcels-manager service: managers add, read, list and delete their own parcels and post
 * checkpoints. Every request names the acting manager; the use cases decide what they may touch.
 */
public final class ParcelsManagerGrpcService extends ParcelsManagerGrpc.ParcelsManagerImplBase {
    private final ManagerParcelUseCases parcels;

    public ParcelsManagerGrpcService(ManagerParcelUseCases parcels) {
        this.parcels = parcels;
    }

    @Override
    public void addParcel(AddParcelRequest request, StreamObserver<Parcel> response) {
        Parcel added = ProtoMapping.toProto(parcels.addParcel(ManagerParcelMessages.toCommand(request)));
        response.onNext(added);
        response.onCompleted();
    }

    @Override
    public void deleteParcel(ManagerParcelRequest request, StreamObserver<Empty> response) {
        ParcelAccess access = ParcelAccess.read(request.getManagerTelegramId(), request.getTrackNumber());
        parcels.deleteParcel(access.person(), access.trackNumber());
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void getParcel(ManagerParcelRequest request, StreamObserver<Parcel> response) {
        ParcelAccess access = ParcelAccess.read(request.getManagerTelegramId(), request.getTrackNumber());
        response.onNext(ProtoMapping.toProto(parcels.getOwnParcel(access.person(), access.trackNumber())));
        response.onCompleted();
    }

    @Override
    public void listParcels(ListParcelsRequest request, StreamObserver<ParcelPage> response) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        PageRequest page = read.page(request.hasPage(), request.getPage());
        read.requireValid();
        response.onNext(ProtoMapping.toParcelPage(parcels.listOwnParcels(manager, page)));
        response.onCompleted();
    }

    @Override
    public void addCheckpoint(AddCheckpointRequest request, StreamObserver<Parcel> response) {
        Parcel updated = ProtoMapping.toProto(parcels.addCheckpoint(ManagerParcelMessages.toCommand(request)));
        response.onNext(updated);
        response.onCompleted();
    }

    @Override
    public void getCheckpoints(GetCheckpointsRequest request, StreamObserver<CheckpointPage> response) {
        RequestReader read = new RequestReader();
        TelegramId manager = read.telegramId(request.getManagerTelegramId());
        TrackNumber trackNumber = read.trackNumber(request.getTrackNumber());
        PageRequest page = read.page(request.hasPage(), request.getPage());
        read.requireValid();
        response.onNext(ProtoMapping.toCheckpointPage(parcels.listOwnParcelCheckpoints(manager, trackNumber, page)));
        response.onCompleted();
    }
}
