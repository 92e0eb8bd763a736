package io.parceltrack.apps.area;

import io.grpc.BindableService;
import io.parceltrack.grpc.ParcelsUserGrpcService;
import io.parceltrack.service.UserParcelService;

/** Recipients' reads and subscriptions on the parcels data, and their gRPC face. */
public final class UserParcelArea {
    private final UserParcelService service;

    public UserParcelArea(ParcelData data) {
        this.service = new UserParcelService(data.parcels(), data.subscriptions());
    }

    public UserParcelService service() {
        return service;
    }

    public BindableService grpcService() {
        return new ParcelsUserGrpcService(service);
    }
}
