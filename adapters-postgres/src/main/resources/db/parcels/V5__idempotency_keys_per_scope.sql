-- The parcels database, part 4: a scope's (a manager's) idempotency keys counted cheaply against
-- its quota, newest first, without reading the table.
CREATE INDEX idempotency_keys_scope_claimed_at_idx ON idempotency_keys (scope, claimed_at);
