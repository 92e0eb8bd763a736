package io.parceltrack.rest;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddParcelCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;

/** {@code /parcels}: create, read, delete and list a manager's own parcels. */
final class ParcelEndpoints {
    static final String COLLECTION = ManagerApi.API_BASE + "/parcels";

    private final ManagerParcelUseCases parcels;

    ParcelEndpoints(ManagerParcelUseCases parcels) {
        this.parcels = parcels;
    }

    ApiResponse add(ManagerRequest request) {
        RequestErrors errors = request.errors();
        JsonObjectFields fields = JsonObjectFields.of(request.body(), request.vocabulary(), errors);
        String name = fields.text(ParcelDetails.NAME.field());
        String recipient = fields.text(ParcelDetails.RECIPIENT.field());
        String arrivalAddress = fields.text(ParcelDetails.ARRIVAL_ADDRESS.field());
        var forecastDate = fields.instant(ParcelDetails.FORECAST_DATE.field());
        String description = fields.text(ParcelDetails.DESCRIPTION.field());
        ParcelDetails details = errors.capture(
                () -> new ParcelDetails(name, recipient, arrivalAddress, forecastDate, description));
        errors.throwIfAny();

        Parcel parcel = parcels.addParcel(new AddParcelCommand(request.manager(), details));
        return ApiResponse.created(new NewParcelJson(parcel.trackNumber().value()))
                .withHeader("Location", location(parcel.trackNumber()));
    }

    ApiResponse get(ManagerRequest request) {
        TrackNumber trackNumber = trackNumberInPath(request);
        return ApiResponse.ok(ParcelJson.of(parcels.getOwnParcel(request.manager(), trackNumber)));
    }

    ApiResponse delete(ManagerRequest request) {
        TrackNumber trackNumber = trackNumberInPath(request);
        parcels.deleteParcel(request.manager(), trackNumber);
        return ApiResponse.noContent();
    }

    ApiResponse list(ManagerRequest request) {
        RequestErrors errors = request.errors();
        PageRequest pageRequest = PageQuery.read(request.queryParameters(), errors);
        errors.throwIfAny();
        Page<Parcel> page = parcels.listOwnParcels(request.manager(), pageRequest);
        return PageLinks.add(ApiResponse.ok(page.items().stream().map(ParcelJson::of).toList()), COLLECTION, page);
    }

    static String location(TrackNumber trackNumber) {
        return COLLECTION + "/" + trackNumber.value();
    }

    /** @throws io.parceltrack.domain.error.InvalidInputException if the path holds no track number */
    static TrackNumber trackNumberInPath(ManagerRequest request) {
        return TrackNumber.parse(request.pathParameter(FieldVocabulary.TRACK_NUMBER_PATH_PARAMETER));
    }
}
