-- Demo data, applied only when asked for: one manager and one recipient to try the bots and the
-- REST API with. No API token is stored here: a demo token is provisioned by the apps' settings,
-- so that no known secret ships in a migration.
INSERT INTO managers (telegram_id, full_name, email, phone, company, registered_at)
VALUES (100000001, 'Dana Demo', 'dana@parceltrack.example', '+10000000001', 'ParcelTrack Demo Shipping', now());

INSERT INTO users (telegram_id, full_name, email, phone, registered_at)
VALUES (200000001, 'Rita Recipient', 'rita@parceltrack.example', NULL, now());
