package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.notification.ParcelEvent;
import io.parceltrack.domain.paging.Page;
import io.parceltrack.domain.paging.PageRequest;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.TrackNumber;
import io.parceltrack.port.out.ParcelStore;
import java.util.Optional;

/** Parcels and their checkpoint history, in the parcels database; a deletion records its event in the outbox. */
public final class PostgresParcelStore implements ParcelStore {
    // A taken track number is an expected outcome (the service draws another), not an error.
    static final String INSERT = """
            INSERT INTO parcels (track_number, name, recipient, arrival_address, forecast_date, description,
                                 owner_telegram_id, status, created_at, last_checkpoint_at)
            VALUES (:trackNumber, :name, :recipient, :arrivalAddress, :forecastDate, :description,
                    :owner, :status, :createdAt, :lastCheckpointAt)
            ON CONFLICT (track_number) DO NOTHING
            """;
    static final String FIND = """
            SELECT %s
            FROM parcels p
            WHERE p.track_number = :trackNumber
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // FOR UPDATE: a checkpoint being recorded finishes first, so the deletion's event sees its status.
    static final String LOCK_FOR_DELETE = """
            SELECT %s
            FROM parcels p
            WHERE p.track_number = :trackNumber
            FOR UPDATE
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // Checkpoints and subscriptions go with it: ON DELETE CASCADE.
    static final String DELETE = "DELETE FROM parcels WHERE track_number = :trackNumber";
    static final String FIND_BY_OWNER = """
            SELECT %s
            FROM parcels p
            WHERE p.owner_telegram_id = :owner
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT :limit OFFSET :offset
            """.formatted(ParcelRows.PARCEL_COLUMNS);
    // The parcel's id is looked up first, so that the planner reads the history index in its order
    // instead of sorting a parcel's whole history for every page.
    static final String FIND_CHECKPOINTS = """
            SELECT %s
            FROM checkpoints c
            WHERE c.parcel_id = (SELECT id FROM parcels WHERE track_number = :trackNumber)
            ORDER BY c.checkpoint_time DESC, c.id DESC
            LIMIT :limit OFFSET :offset
            """.formatted(ParcelRows.CHECKPOINT_COLUMNS);

    private final TranslatedJdbi db;
    private final PostgresOutbox outbox;

    PostgresParcelStore(TranslatedJdbi db, PostgresOutbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public boolean insertParcel(Parcel parcel) {
        return db.withHandle(handle -> handle.createUpdate(INSERT)
                .bind("trackNumber", parcel.trackNumber().value())
                .bind("name", parcel.details().name())
                .bind("recipient", parcel.details().recipient())
                .bind("arrivalAddress", parcel.details().arrivalAddress())
                .bind("forecastDate", parcel.details().forecastDate())
                .bind("description", parcel.details().description())
                .bind("owner", parcel.owner().value())
                .bind("status", parcel.status().name())
                .bind("createdAt", parcel.createdAt())
                .bind("lastCheckpointAt", parcel.lastCheckpointAt())
                .execute()) == 1;
    }

    @Override
    public Optional<Parcel> findParcel(TrackNumber trackNumber) {
        return db.withHandle(handle -> handle.createQuery(FIND)
                .bind("trackNumber", trackNumber.value())
                .map(ParcelRows.PARCEL)
                .findOne());
    }

    @Override
    public boolean deleteParcel(TrackNumber trackNumber, DeletionDecision decision) {
        return db.inTransaction(handle -> {
            Optional<Parcel> current = handle.createQuery(LOCK_FOR_DELETE)
                    .bind("trackNumber", trackNumber.value())
                    .map(ParcelRows.PARCEL)
                    .findOne();
            if (current.isEmpty()) {
                return false;
            }
            ParcelEvent event = decision.decide(current.get());
            handle.createUpdate(DELETE).bind("trackNumber", trackNumber.value()).execute();
            outbox.append(handle, event);
            return true;
        });
    }

    @Override
    public Page<Parcel> findParcelsByOwner(TelegramId owner, PageRequest page) {
        return db.page(FIND_BY_OWNER, page, query -> query.bind("owner", owner.value()), ParcelRows.PARCEL);
    }

    @Override
    public Page<Checkpoint> findCheckpoints(TrackNumber trackNumber, PageRequest page) {
        return db.page(FIND_CHECKPOINTS, page, query -> query.bind("trackNumber", trackNumber.value()),
                ParcelRows.CHECKPOINT);
    }
}
