package io.parceltrack.postgres;

import io.parceltrack.domain.TelegramId;
import io.parceltrack.domain.parcel.Checkpoint;
import io.parceltrack.domain.parcel.Parcel;
import io.parceltrack.domain.parcel.ParcelDetails;
import io.parceltrack.domain.parcel.ParcelStatus;
import io.parceltrack.domain.parcel.TrackNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;

/** How parcel and checkpoint rows read, for every query that returns them. */
final class ParcelRows {
    /** The columns of a parcel, from the {@code parcels} table aliased {@code p}. */
    static final String PARCEL_COLUMNS = """
            p.id, p.track_number, p.name, p.recipient, p.arrival_address, p.forecast_date, p.description,
            p.owner_telegram_id, p.status, p.created_at, p.last_checkpoint_at""";

    /** The columns of a checkpoint, from the {@code checkpoints} table aliased {@code c}. */
    static final String CHECKPOINT_COLUMNS = "c.checkpoint_time, c.place, c.description, c.status";

    static final RowMapper<Parcel> PARCEL = (row, context) -> parcel(row);

    static final RowMapper<Checkpoint> CHECKPOINT = (row, context) -> new Checkpoint(
            Columns.instant(row, "checkpoint_time"),
            row.getString("place"),
            row.getString("description"),
            ParcelStatus.valueOf(row.getString("status")));

    private ParcelRows() {}

    static Parcel parcel(ResultSet row) throws SQLException {
        ParcelDetails details = new ParcelDetails(
                row.getString("name"),
                row.getString("recipient"),
                row.getString("arrival_address"),
                Columns.instant(row, "forecast_date"),
                row.getString("description"));
        return new Parcel(
                new TrackNumber(row.getString("track_number")),
                details,
                new TelegramId(row.getLong("owner_telegram_id")),
                ParcelStatus.valueOf(row.getString("status")),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "last_checkpoint_at"));
    }
}
