-- The parcels database, part 6: the trace of the request that recorded each outbox event.

-- The W3C traceparent ("00-<trace id>-<span id>-<flags>") the relay hands on in the broker record's
-- headers, so that one trace id follows a checkpoint to each chat. NULL for events recorded outside
-- a trace (and those written before this column existed). Bounded like the value the domain accepts.
ALTER TABLE outbox
    ADD COLUMN trace text,
    ADD CONSTRAINT outbox_trace_check CHECK (char_length(trace) BETWEEN 1 AND 128);
