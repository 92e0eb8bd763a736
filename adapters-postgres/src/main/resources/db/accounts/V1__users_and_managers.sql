-- The accounts database: recipients (users) and shipping managers, both identified by their
-- Telegram id. The checks mirror the domain's rules, so that a row the domain would refuse cannot
-- get in by another way either. Lengths count characters, which takes a UTF8 database
-- (db/checks/beforeMigrate.sql makes sure of it).

CREATE TABLE users (
    telegram_id   bigint      NOT NULL,
    full_name     text        NOT NULL,
    email         text        NOT NULL,
    phone         text,
    registered_at timestamptz NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (telegram_id),
    CONSTRAINT users_telegram_id_check CHECK (telegram_id > 0),
    CONSTRAINT users_full_name_check CHECK (char_length(full_name) BETWEEN 3 AND 255),
    CONSTRAINT users_email_check CHECK (char_length(email) <= 320 AND position('@' IN email) > 1),
    CONSTRAINT users_phone_check CHECK (phone ~ '^\+[1-9][0-9]{7,14}$')
);

-- A manager's API token is stored only as its SHA-256 (hex); the unique index is also the lookup
-- path of every authenticated REST call.
CREATE TABLE managers (
    telegram_id         bigint      NOT NULL,
    full_name           text        NOT NULL,
    email               text        NOT NULL,
    phone               text,
    company             text,
    registered_at       timestamptz NOT NULL,
    api_token_hash      text,
    api_token_issued_at timestamptz,
    CONSTRAINT managers_pkey PRIMARY KEY (telegram_id),
    CONSTRAINT managers_telegram_id_check CHECK (telegram_id > 0),
    CONSTRAINT managers_full_name_check CHECK (char_length(full_name) BETWEEN 3 AND 255),
    CONSTRAINT managers_email_check CHECK (char_length(email) <= 320 AND position('@' IN email) > 1),
    CONSTRAINT managers_phone_check CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
    CONSTRAINT managers_company_check CHECK (char_length(company) BETWEEN 3 AND 255),
    CONSTRAINT managers_api_token_hash_key UNIQUE (api_token_hash),
    CONSTRAINT managers_api_token_hash_check CHECK (api_token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT managers_api_token_check CHECK ((api_token_hash IS NULL) = (api_token_issued_at IS NULL))
);
