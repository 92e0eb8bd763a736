-- Notifications the user bot is sending or has sent, one row per delivery. An instance claims a
-- delivery (INSERT ... ON CONFLICT) before it sends it and marks it sent afterwards, so that two
-- instances given the same delivery during a consumer-group rebalance never both send it. A claim
-- whose owner died is taken over by the same owner id at once (a restarted instance), by any other
-- once it is older than the stale window (docs/EVENTS.md).
CREATE TABLE bot_delivery_claims (
    delivery_id uuid        NOT NULL,
    status      text        NOT NULL,
    owner       text        NOT NULL,
    claimed_at  timestamptz NOT NULL,
    changed_at  timestamptz NOT NULL,
    CONSTRAINT bot_delivery_claims_pkey PRIMARY KEY (delivery_id),
    CONSTRAINT bot_delivery_claims_status_check CHECK (status IN ('claimed', 'sent')),
    CONSTRAINT bot_delivery_claims_owner_check CHECK (char_length(owner) BETWEEN 1 AND 200)
);

CREATE INDEX bot_delivery_claims_changed_at_idx ON bot_delivery_claims (changed_at);

-- What was sent before claims existed stays sent.
INSERT INTO bot_delivery_claims (delivery_id, status, owner, claimed_at, changed_at)
SELECT message_id, 'sent', 'before-claims', processed_at, processed_at
FROM bot_processed_messages
WHERE consumer = 'notification-delivery'
ON CONFLICT (delivery_id) DO NOTHING;
