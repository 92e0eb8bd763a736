-- The parcels database, part 3: answers to REST requests sent with an Idempotency-Key, so that a
-- retry gets the first answer. While the request runs the response columns are empty.
CREATE TABLE idempotency_keys (
    scope                  text        NOT NULL,
    idempotency_key        text        NOT NULL,
    fingerprint            text        NOT NULL,
    claimed_at             timestamptz NOT NULL,
    response_status        integer,
    response_header_names  text[],
    response_header_values text[],
    response_body          text,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotency_keys_scope_check CHECK (char_length(scope) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_idempotency_key_check CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_fingerprint_check CHECK (char_length(fingerprint) BETWEEN 1 AND 255),
    CONSTRAINT idempotency_keys_response_check CHECK (
        (response_status IS NULL AND response_header_names IS NULL
            AND response_header_values IS NULL AND response_body IS NULL)
        OR (response_status BETWEEN 100 AND 599 AND response_body IS NOT NULL
            AND cardinality(response_header_names) = cardinality(response_header_values)))
);

-- Forgetting expired keys.
CREATE INDEX idempotency_keys_claimed_at_idx ON idempotency_keys (claimed_at);
