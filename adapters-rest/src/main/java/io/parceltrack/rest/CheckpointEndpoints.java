package io.parceltrack.rest;

import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.in.manager.AddCheckpointCommand;
import io.parceltrack.port.in.manager.ManagerParcelUseCases;
import java.time.Clock;
import java.time.Instant;

/** {@code POST /checkpoints} and {@code GET /parcels/{track-number}/checkpoints}. */
final class CheckpointEndpoints {
    private final ManagerParcelUseCases parcels;
    private final Clock clock;

    CheckpointEndpoints(ManagerParcelUseCases parcels, Clock clock) {
        this.parcels = parcels;
        this.clock = clock;
    }

    ApiResponse add(ManagerRequest request) {
        RequestErrors errors = request.errors();
        JsonObjectFields fields = JsonObjectFields.of(request.body(), request.vocabulary(), errors);
        String rawTrackNumber = fields.text(TrackNumber.FIELD);
        Instant time = fields.instant(Checkpoint.TIME.field());
        String place = fields.text(Checkpoint.PLACE.field());
        String description = fields.text(Checkpoint.DESCRIPTION.field());
        String rawStatus = fields.text(Checkpoint.STATUS_FIELD);
        TrackNumber trackNumber = errors.capture(() -> TrackNumber.parse(rawTrackNumber));
        ParcelStatus status = errors.capture(() -> ParcelStatus.parse(Checkpoint.STATUS_FIELD, rawStatus));
        Checkpoint checkpoint = errors.capture(() -> new Checkpoint(time, place, description, status));
        if (time != null) {
            // The service checks it too; checked here as well so that it is reported with the rest.
            errors.capture(() -> Checkpoint.requireNotTooFarAhead(time, clock.instant()));
        }
        errors.throwIfAny();

        Parcel after = parcels.addCheckpoint(new AddCheckpointCommand(request.manager(), trackNumber, checkpoint));
        return ApiResponse.created(RecordedCheckpointJson.of(after, checkpoint));
    }

    ApiResponse list(ManagerRequest request) {
        RequestErrors errors = request.errors();
        TrackNumber trackNumber = errors.capture(() -> ParcelEndpoints.trackNumberInPath(request));
        PageRequest pageRequest = PageQuery.read(request.queryParameters(), errors);
        errors.throwIfAny();
        Page<Checkpoint> page = parcels.listOwnParcelCheckpoints(request.manager(), trackNumber, pageRequest);
        return PageLinks.add(
                ApiResponse.ok(page.items().stream().map(checkpoint -> CheckpointJson.of(trackNumber, checkpoint)).toList()),
                ParcelEndpoints.location(trackNumber) + "/checkpoints", page);
    }
}
