-- Runs before every migration of every role: the schema's length checks count characters, which
-- they only do right in a UTF8 database.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'ParcelTrack needs a UTF8 database, not %', current_setting('server_encoding');
    END IF;
END
$$;
