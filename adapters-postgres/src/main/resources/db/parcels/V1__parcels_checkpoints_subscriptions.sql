-- The parcels database, part 1: parcels, their checkpoint history and who follows them. The checks
-- mirror the domain's rules; lengths count characters, which takes a UTF8 database
-- (db/checks/beforeMigrate.sql makes sure of it).

-- The surrogate id keeps foreign keys small and orders parcels created at the same instant by
-- insertion. A parcel never has status UNKNOWN: it starts PENDING and then takes its latest
-- checkpoint's status.
CREATE TABLE parcels (
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    track_number       text        NOT NULL,
    name               text        NOT NULL,
    recipient          text        NOT NULL,
    arrival_address    text        NOT NULL,
    forecast_date      timestamptz NOT NULL,
    description        text        NOT NULL,
    owner_telegram_id  bigint      NOT NULL,
    status             text        NOT NULL,
    created_at         timestamptz NOT NULL,
    last_checkpoint_at timestamptz,
    CONSTRAINT parcels_pkey PRIMARY KEY (id),
    CONSTRAINT parcels_track_number_key UNIQUE (track_number),
    CONSTRAINT parcels_track_number_check CHECK (track_number ~ '^[A-Z]{2}[0-9]{9}$'),
    CONSTRAINT parcels_name_check CHECK (char_length(name) BETWEEN 3 AND 100),
    CONSTRAINT parcels_recipient_check CHECK (char_length(recipient) BETWEEN 3 AND 255),
    CONSTRAINT parcels_arrival_address_check CHECK (char_length(arrival_address) BETWEEN 3 AND 255),
    CONSTRAINT parcels_forecast_date_check
        CHECK (forecast_date BETWEEN '2000-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00'),
    CONSTRAINT parcels_description_check CHECK (char_length(description) <= 255),
    CONSTRAINT parcels_owner_telegram_id_check CHECK (owner_telegram_id > 0),
    CONSTRAINT parcels_status_check CHECK (status IN ('PENDING', 'IN_TRANSIT', 'DELIVERED', 'CANCELED'))
);

-- A manager's parcels, newest first.
CREATE INDEX parcels_owner_created_idx ON parcels (owner_telegram_id, created_at DESC, id DESC);

CREATE TABLE checkpoints (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    parcel_id       bigint      NOT NULL,
    checkpoint_time timestamptz NOT NULL,
    place           text        NOT NULL,
    description     text        NOT NULL,
    status          text        NOT NULL,
    CONSTRAINT checkpoints_pkey PRIMARY KEY (id),
    CONSTRAINT checkpoints_parcel_id_fkey FOREIGN KEY (parcel_id) REFERENCES parcels (id) ON DELETE CASCADE,
    CONSTRAINT checkpoints_checkpoint_time_check
        CHECK (checkpoint_time BETWEEN '2000-01-01 00:00:00+00' AND '9999-12-31 23:59:59+00'),
    CONSTRAINT checkpoints_place_check CHECK (char_length(place) <= 255),
    CONSTRAINT checkpoints_description_check CHECK (char_length(description) <= 255),
    CONSTRAINT checkpoints_status_check CHECK (status IN ('PENDING', 'IN_TRANSIT', 'DELIVERED', 'CANCELED'))
);

-- A parcel's history, newest first (ties: recorded last first); also serves the cascade on delete.
CREATE INDEX checkpoints_parcel_time_idx ON checkpoints (parcel_id, checkpoint_time DESC, id DESC);

CREATE TABLE subscriptions (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    parcel_id        bigint      NOT NULL,
    user_telegram_id bigint      NOT NULL,
    subscribed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_pkey PRIMARY KEY (id),
    CONSTRAINT subscriptions_parcel_id_fkey FOREIGN KEY (parcel_id) REFERENCES parcels (id) ON DELETE CASCADE,
    -- One subscription per (user, parcel). Parcel first: the same index pages through a parcel's
    -- subscribers by ascending user id and serves the cascade on delete.
    CONSTRAINT subscriptions_parcel_user_key UNIQUE (parcel_id, user_telegram_id),
    CONSTRAINT subscriptions_user_telegram_id_check CHECK (user_telegram_id > 0)
);

-- A user's subscriptions, most recent first.
CREATE INDEX subscriptions_user_recent_idx ON subscriptions (user_telegram_id, id DESC);
