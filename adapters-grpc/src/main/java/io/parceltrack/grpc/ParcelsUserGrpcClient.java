package io.parceltrack.grpc;

import io.grpc.Channel;
import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.user.ParcelView;
import io.parceltrack.port.in.user.UserParcelUseCases;
import io.parceltrack.proto.ProtoMapping;
import io.parceltrack.proto.parcels.user.GetCheckpointsRequest;
import io.parceltrack.proto.parcels.user.ListSubscriptionsRequest;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc;
import io.parceltrack.proto.parcels.user.ParcelsUserGrpc.ParcelsUserBlockingStub;
import io.parceltrack.proto.parcels.user.UserParcelRequest;

/** The parcels-user service over gRPC, for the user bot. */
public final class ParcelsUserGrpcClient implements UserParcelUseCases {
    private final ParcelsUserBlockingStub parcels;
    private final RemoteCalls remote;

    /** {@code channel} should come from {@link ClientChannels#open} with the same settings. */
    public ParcelsUserGrpcClient(Channel channel, GrpcClientSettings settings) {
        this.parcels = ParcelsUserGrpc.newBlockingStub(channel);
        this.remote = new RemoteCalls("parcels-user service", settings);
    }

    @Override
    public ParcelView viewParcel(TelegramId user, TrackNumber trackNumber) {
        return remote.call(parcels, stub -> stub.getParcel(parcelRequest(user, trackNumber)),
                reply -> new ParcelView(ProtoMapping.toDomain(reply.getParcel()), reply.getUserSubscribed()));
    }

    @Override
    public Page<Checkpoint> listCheckpoints(TrackNumber trackNumber, PageRequest page) {
        GetCheckpointsRequest request = GetCheckpointsRequest.newBuilder()
                .setTrackNumber(trackNumber.value())
                .setPage(ProtoMapping.toProto(page))
                .build();
        return remote.call(parcels, stub -> stub.getCheckpoints(request), ProtoMapping::toDomain);
    }

    @Override
    public void subscribe(TelegramId user, TrackNumber trackNumber) {
        remote.call(parcels, stub -> stub.addSubscription(parcelRequest(user, trackNumber)));
    }

    @Override
    public void unsubscribe(TelegramId user, TrackNumber trackNumber) {
        remote.call(parcels, stub -> stub.deleteSubscription(parcelRequest(user, trackNumber)));
    }

    @Override
    public Page<Parcel> listSubscriptions(TelegramId user, PageRequest page) {
        ListSubscriptionsRequest request = ListSubscriptionsRequest.newBuilder()
                .setUserTelegramId(user.value())
                .setPage(ProtoMapping.toProto(page))
                .build();
        return remote.call(parcels, stub -> stub.listSubscriptions(request), ProtoMapping::toDomain);
    }

    private static UserParcelRequest parcelRequest(TelegramId user, TrackNumber trackNumber) {
        return UserParcelRequest.newBuilder()
                .setUserTelegramId(user.value())
                .setTrackNumber(trackNumber.value())
                .build();
    }
}
