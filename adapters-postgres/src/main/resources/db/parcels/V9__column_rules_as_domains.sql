-- The parcels database, part 9: the rules of the columns a checkpoint writes, moved from table
-- CHECK constraints to domains, with the same rules and the same constraint names.
--
-- Why: PostgreSQL reads a table's CHECK constraints back from their stored text and plans them anew
-- for every INSERT and UPDATE statement, all of them whichever columns the statement sets. A
-- checkpoint updates its parcel (8 checks, one a regular expression) and inserts a checkpoint (4)
-- and an outbox row (1): about 17 microseconds of database CPU per checkpoint, ~9% of what the
-- database spends on one (docs/BENCHMARKS.md, fifth pass). A domain's checks are cached with the
-- type and run only where a value is assigned to the column, so the parcel's UPDATE now checks the
-- status it sets and nothing else. What a row may hold is unchanged.
--
-- How, without rewriting or locking the tables for long: each column first becomes a domain with no
-- check (the same storage, so neither the table nor its indexes are rebuilt), then the check is added
-- to the domain NOT VALID: every existing row already passed the same rule as the table constraint
-- dropped in this transaction, and validating would hold off writes to the tables while it scans them.
-- New values are checked either way. Errors keep their constraint names, so BrokenConstraints
-- translates them as before.

CREATE DOMAIN parcels_track_number AS text;
CREATE DOMAIN parcels_name AS text;
CREATE DOMAIN parcels_recipient AS text;
CREATE DOMAIN parcels_arrival_address AS text;
CREATE DOMAIN parcels_forecast_date AS timestamptz;
CREATE DOMAIN parcels_description AS text;
CREATE DOMAIN parcels_owner_telegram_id AS bigint;
CREATE DOMAIN parcels_status AS text;

ALTER TABLE parcels
    DROP CONSTRAINT parcels_track_number_check,
    DROP CONSTRAINT parcels_name_check,
    DROP CONSTRAINT parcels_recipient_check,
    DROP CONSTRAINT parcels_arrival_address_check,
    DROP CONSTRAINT parcels_forecast_date_check,
    DROP CONSTRAINT parcels_description_check,
    DROP CONSTRAINT parcels_owner_telegram_id_check,
    DROP CONSTRAINT parcels_status_check,
    ALTER COLUMN track_number TYPE parcels_track_number,
    ALTER COLUMN name TYPE parcels_name,
    ALTER COLUMN recipient TYPE parcels_recipient,
    ALTER COLUMN arrival_address TYPE parcels_arrival_address,
    ALTER COLUMN forecast_date TYPE parcels_forecast_date,
    ALTER COLUMN description TYPE parcels_description,
    ALTER COLUMN owner_telegram_id TYPE parcels_owner_telegram_id,
    ALTER COLUMN status TYPE parcels_status;

ALTER DOMAIN parcels_track_number
    ADD CONSTRAINT parcels_track_number_check CHECK (VALUE ~ '^[A-Z]{2}[0-9]{9}$') NOT VALID;
ALTER DOMAIN parcels_name
    ADD CONSTRAINT parcels_name_check CHECK (char_length(VALUE) BETWEEN 3 AND 100) NOT VALID;
ALTER DOMAIN parcels_recipient
    ADD CONSTRAINT parcels_recipient_check CHECK (char_length(VALUE) BETWEEN 3 AND 255) NOT VALID;
ALTER DOMAIN parcels_arrival_address
    ADD CONSTRAINT parcels_arrival_address_check CHECK (char_length(VALUE) BETWEEN 3 AND 255) NOT VALID;
ALTER DOMAIN parcels_forecast_date
    ADD CONSTRAINT parcels_forecast_date_check
        CHECK (VALUE BETWEEN '2000-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00') NOT VALID;
ALTER DOMAIN parcels_description
    ADD CONSTRAINT parcels_description_check CHECK (char_length(VALUE) <= 255) NOT VALID;
ALTER DOMAIN parcels_owner_telegram_id
    ADD CONSTRAINT parcels_owner_telegram_id_check CHECK (VALUE > 0) NOT VALID;
ALTER DOMAIN parcels_status
    ADD CONSTRAINT parcels_status_check CHECK (VALUE IN ('PENDING', 'IN_TRANSIT', 'DELIVERED', 'CANCELED')) NOT VALID;

CREATE DOMAIN checkpoints_checkpoint_time AS timestamptz;
CREATE DOMAIN checkpoints_place AS text;
CREATE DOMAIN checkpoints_description AS text;
CREATE DOMAIN checkpoints_status AS text;

ALTER TABLE checkpoints
    DROP CONSTRAINT checkpoints_checkpoint_time_check,
    DROP CONSTRAINT checkpoints_place_check,
    DROP CONSTRAINT checkpoints_description_check,
    DROP CONSTRAINT checkpoints_status_check,
    ALTER COLUMN checkpoint_time TYPE checkpoints_checkpoint_time,
    ALTER COLUMN place TYPE checkpoints_place,
    ALTER COLUMN description TYPE checkpoints_description,
    ALTER COLUMN status TYPE checkpoints_status;

ALTER DOMAIN checkpoints_checkpoint_time
    ADD CONSTRAINT checkpoints_checkpoint_time_check
        CHECK (VALUE BETWEEN '2000-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00') NOT VALID;
ALTER DOMAIN checkpoints_place
    ADD CONSTRAINT checkpoints_place_check CHECK (char_length(VALUE) <= 255) NOT VALID;
ALTER DOMAIN checkpoints_description
    ADD CONSTRAINT checkpoints_description_check CHECK (char_length(VALUE) <= 255) NOT VALID;
ALTER DOMAIN checkpoints_status
    ADD CONSTRAINT checkpoints_status_check CHECK (VALUE IN ('PENDING', 'IN_TRANSIT', 'DELIVERED', 'CANCELED')) NOT VALID;

CREATE DOMAIN outbox_trace AS text;

ALTER TABLE outbox
    DROP CONSTRAINT outbox_trace_check,
    ALTER COLUMN trace TYPE outbox_trace;

ALTER DOMAIN outbox_trace
    ADD CONSTRAINT outbox_trace_check CHECK (char_length(VALUE) BETWEEN 1 AND 128) NOT VALID;
