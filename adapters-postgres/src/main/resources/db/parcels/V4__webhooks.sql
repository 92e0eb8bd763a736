-- The parcels database, part 4: managers' webhook endpoints, the deliveries owed to them (the
-- durable retry schedule) and the log of every attempt.

-- The secret signs every webhook, so it is kept as it is (the HMAC needs it), like any credential
-- the service must present. A rotated-out secret signs beside the new one until its time is up.
-- Health: failing_since is set while every attempt fails; disabled_at once the endpoint was given up.
CREATE TABLE webhook_endpoints (
    id                         uuid        NOT NULL,
    manager_telegram_id        bigint      NOT NULL,
    url                        text        NOT NULL,
    events                     text[]      NOT NULL,
    secret                     text        NOT NULL,
    retired_secret             text,
    retired_secret_valid_until timestamptz,
    created_at                 timestamptz NOT NULL,
    failing_since              timestamptz,
    last_error                 text,
    disabled_at                timestamptz,
    disabled_reason            text,
    CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_endpoints_manager_telegram_id_check CHECK (manager_telegram_id > 0),
    CONSTRAINT webhook_endpoints_url_check CHECK (char_length(url) BETWEEN 1 AND 2048),
    CONSTRAINT webhook_endpoints_events_check CHECK (cardinality(events) >= 1
        AND events <@ ARRAY['checkpoint.recorded', 'parcel.status_changed', 'parcel.deleted']),
    CONSTRAINT webhook_endpoints_secret_check CHECK (secret LIKE 'whsec\_%'),
    CONSTRAINT webhook_endpoints_retired_secret_check
        CHECK ((retired_secret IS NULL) = (retired_secret_valid_until IS NULL)),
    CONSTRAINT webhook_endpoints_failing_check CHECK ((failing_since IS NULL) = (last_error IS NULL)),
    CONSTRAINT webhook_endpoints_disabled_check CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
);

-- A manager's endpoints, oldest first; also every event's "whose endpoints want this?".
CREATE INDEX webhook_endpoints_manager_idx ON webhook_endpoints (manager_telegram_id, created_at, id);

-- One row per message owed to an endpoint, kept after it finished (for a while) so that an event
-- handled twice is recognised. due_at is when to attempt it next; a claimer pushes it forward for
-- the time it holds the row (its lease). ordering_key groups the messages of one parcel: only the
-- oldest unfinished one of an endpoint and key is ever attempted.
CREATE TABLE webhook_deliveries (
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    endpoint_id        uuid        NOT NULL,
    message_id         text        NOT NULL,
    event_type         text        NOT NULL,
    ordering_key       text        NOT NULL,
    message_created_at timestamptz NOT NULL,
    body               text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    enqueued_at        timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    finished_at        timestamptz,
    CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_deliveries_endpoint_id_fkey FOREIGN KEY (endpoint_id)
        REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    CONSTRAINT webhook_deliveries_endpoint_message_key UNIQUE (endpoint_id, message_id),
    CONSTRAINT webhook_deliveries_body_check CHECK (char_length(body) <= 16384),
    CONSTRAINT webhook_deliveries_attempts_check CHECK (attempts >= 0)
);

-- The heads of the lanes, and what is due.
CREATE INDEX webhook_deliveries_lane_idx ON webhook_deliveries (endpoint_id, ordering_key, id)
    WHERE finished_at IS NULL;
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (due_at) WHERE finished_at IS NULL;
-- Forgetting finished deliveries.
CREATE INDEX webhook_deliveries_finished_at_idx ON webhook_deliveries (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE webhook_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    endpoint_id  uuid        NOT NULL,
    message_id   text        NOT NULL,
    event_type   text        NOT NULL,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer     NOT NULL,
    latency_ms   bigint      NOT NULL,
    error        text        NOT NULL,
    outcome      text        NOT NULL,
    CONSTRAINT webhook_attempts_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_attempts_endpoint_id_fkey FOREIGN KEY (endpoint_id)
        REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    CONSTRAINT webhook_attempts_attempt_check CHECK (attempt >= 1),
    CONSTRAINT webhook_attempts_error_check CHECK (char_length(error) <= 300),
    CONSTRAINT webhook_attempts_outcome_check CHECK (outcome IN ('DELIVERED', 'RETRYING', 'FAILED', 'GAVE_UP'))
);

-- An endpoint's recent attempts, newest first; forgetting old ones.
CREATE INDEX webhook_attempts_endpoint_idx ON webhook_attempts (endpoint_id, id DESC);
CREATE INDEX webhook_attempts_attempted_at_idx ON webhook_attempts (attempted_at);
