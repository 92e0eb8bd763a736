-- The bots database: what the two Telegram bots keep between restarts. Tables are keyed by bot
-- name and chat id, so both bots can share one database.

-- Each chat's dialogue state: opaque text owned by the bot.
CREATE TABLE conversations (
    bot        text        NOT NULL,
    chat_id    bigint      NOT NULL,
    state      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conversations_pkey PRIMARY KEY (bot, chat_id),
    CONSTRAINT conversations_bot_check CHECK (char_length(bot) BETWEEN 1 AND 64),
    CONSTRAINT conversations_state_check CHECK (octet_length(state) <= 1048576)
);

-- Chats whose owner blocked the bot: nothing is sent there until they write again.
CREATE TABLE blocked_chats (
    bot        text        NOT NULL,
    chat_id    bigint      NOT NULL,
    blocked_at timestamptz NOT NULL,
    CONSTRAINT blocked_chats_pkey PRIMARY KEY (bot, chat_id),
    CONSTRAINT blocked_chats_bot_check CHECK (char_length(bot) BETWEEN 1 AND 64)
);

-- Deliveries the user bot has sent, so that a redelivered one is not sent twice. Named apart from
-- the parcels database's processed_messages so that all of ParcelTrack's tables can share one
-- database (local runs, tests).
CREATE TABLE bot_processed_messages (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL,
    CONSTRAINT bot_processed_messages_pkey PRIMARY KEY (consumer, message_id),
    CONSTRAINT bot_processed_messages_consumer_check CHECK (char_length(consumer) BETWEEN 1 AND 100)
);

CREATE INDEX bot_processed_messages_processed_at_idx ON bot_processed_messages (processed_at);
