-- Demo data, applied only when asked for: three parcels of the demo manager (telegram id
-- 100000001) at different stages, and the demo recipient (200000001) following one of them.
INSERT INTO parcels (track_number, name, recipient, arrival_address, forecast_date, description,
                     owner_telegram_id, status, created_at, last_checkpoint_at)
VALUES ('DM000000001', 'Winter boots', 'Rita Recipient', 'Kazan, Baumana 12', now() + interval '3 days',
        'size 39', 100000001, 'IN_TRANSIT', now() - interval '2 days', now() - interval '1 day'),
       ('DM000000002', 'Board game', 'Rita Recipient', 'Kazan, Baumana 12', now() - interval '1 day',
        '', 100000001, 'DELIVERED', now() - interval '5 days', now() - interval '1 day'),
       ('DM000000003', 'Desk lamp', 'Ivan Petrov', 'Moscow, Tverskaya 1', now() + interval '7 days',
        'fragile', 100000001, 'PENDING', now() - interval '1 hour', NULL);

INSERT INTO checkpoints (parcel_id, checkpoint_time, place, description, status)
SELECT p.id, c.checkpoint_time, c.place, c.description, c.status
FROM (VALUES ('DM000000001', now() - interval '2 days', 'Moscow', 'accepted at the warehouse', 'PENDING'),
             ('DM000000001', now() - interval '1 day', 'Nizhny Novgorod', 'on the way', 'IN_TRANSIT'),
             ('DM000000002', now() - interval '4 days', 'Moscow', 'accepted at the warehouse', 'PENDING'),
             ('DM000000002', now() - interval '2 days', 'Kazan', 'arrived at the pick-up point', 'IN_TRANSIT'),
             ('DM000000002', now() - interval '1 day', 'Kazan', 'handed to the recipient', 'DELIVERED'))
         AS c (track_number, checkpoint_time, place, description, status)
JOIN parcels p ON p.track_number = c.track_number;

INSERT INTO subscriptions (parcel_id, user_telegram_id)
SELECT id, 200000001 FROM parcels WHERE track_number = 'DM000000001';
