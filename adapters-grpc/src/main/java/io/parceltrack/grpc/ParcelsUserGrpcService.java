package io.parceltrack.grpc;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcel.CheckpointPage;
import io.parceltrack.proto.parcel.ParcelPage;
import io.parceltrack.proto.parcels.user.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.user.GetParcelResponse;
import io.parceltrack.proto.parcels.user.ListSubscriptionsRequest;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.parcels.user.UserParcelRequest;

/**
 * The parcels-user service: recipients look parcels up by track number, read their checkpoints and
 * follow them. Knowing a track number is what grants reading a parcel.
 */
public final class ParcelsUserGrpcService extends ParcelsUserGrpc.ParcelsUserImplBase {
    private final UserParcelUseCases parcels;

    public ParcelsUserGrpcService(UserParcelUseCases parcels) {
        this.parcels = parcels;
    }

    @Override
    public void getParcel(UserParcelRequest request, StreamObserver<GetParcelResponse> response) {
        ParcelAccess access = ParcelAccess.read(request.getUserTelegramId(), request.getTrackNumber());
        ParcelView view = parcels.viewParcel(access.person(), access.trackNumber());
        response.onNext(GetParcelResponse.newBuilder()
                .setParcel(ProtoMapping.toProto(view.parcel()))
                .setUserSubscribed(view.subscribed())
                .build());
        response.onCompleted();
    }

    @Override
    public void getCheckpoints(GetCheckpointsRequest request, StreamObserver<CheckpointPage> response) {
        RequestReader read = new RequestReader();
        TrackNumber trackNumber = read.trackNumber(request.getTrackNumber());
        PageRequest page = read.page(request.hasPage(), request.getPage());
        read.requireValid();
        response.onNext(ProtoMapping.toCheckpointPage(parcels.listCheckpoints(trackNumber, page)));
        response.onCompleted();
    }

    @Override
    public void addSubscription(UserParcelRequest request, StreamObserver<Empty> response) {
        ParcelAccess access = ParcelAccess.read(request.getUserTelegramId(), request.getTrackNumber());
        parcels.subscribe(access.person(), access.trackNumber());
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void deleteSubscription(UserParcelRequest request, StreamObserver<Empty> response) {
        ParcelAccess access = ParcelAccess.read(request.getUserTelegramId(), request.getTrackNumber());
        parcels.unsubscribe(access.person(), access.trackNumber());
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void listSubscriptions(ListSubscriptionsRequest request, StreamObserver<ParcelPage> response) {
        RequestReader read = new RequestReader();
        TelegramId user = read.telegramId(request.getUserTelegramId());
        PageRequest page = read.page(request.hasPage(), request.getPage());
        read.requireValid();
        response.onNext(ProtoMapping.toParcelPage(parcels.listSubscriptions(user, page)));
        response.onCompleted();
    }
}
