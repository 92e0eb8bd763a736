-- The parcels database, part 6: a disabled webhook endpoint owes its manager a notice (sent by the
-- manager bot) until manager_told_at is set. Any change of health clears it, so a later disabling
-- is told again.
ALTER TABLE webhook_endpoints ADD COLUMN manager_told_at timestamptz;

ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_manager_told_check
    CHECK (manager_told_at IS NULL OR disabled_at IS NOT NULL);

-- The notices still owed, earliest disabling first; few rows, so a small partial index.
CREATE INDEX webhook_endpoints_untold_idx ON webhook_endpoints (disabled_at, id)
    WHERE disabled_at IS NOT NULL AND manager_told_at IS NULL;
