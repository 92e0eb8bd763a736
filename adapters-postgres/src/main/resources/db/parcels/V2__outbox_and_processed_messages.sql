-- The parcels database, part 2: the transactional outbox and the consumers' de-duplication.

-- Parcel events written in the same transaction as their checkpoint and deleted once the broker
-- has them. The payload is the protobuf Event the broker carries; event id and track number are
-- kept beside it for operators. Ids grow in insertion order, but concurrent transactions commit
-- out of that order, so a relay must never treat "published up to id N" as a watermark.
CREATE TABLE outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    event_id     uuid        NOT NULL,
    track_number text        NOT NULL,
    payload      bytea       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_pkey PRIMARY KEY (id),
    CONSTRAINT outbox_event_id_key UNIQUE (event_id)
);

-- Ids of broker messages a consumer has handled, so that a redelivered one is recognised.
CREATE TABLE processed_messages (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL,
    CONSTRAINT processed_messages_pkey PRIMARY KEY (consumer, message_id),
    CONSTRAINT processed_messages_consumer_check CHECK (char_length(consumer) BETWEEN 1 AND 100)
);

-- Forgetting old ids.
CREATE INDEX processed_messages_processed_at_idx ON processed_messages (processed_at);
