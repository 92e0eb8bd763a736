-- The parcels database, part 8: the trace each scheduled webhook delivery continues.

-- The W3C traceparent of the work that scheduled the delivery (the handling of the parcel event),
-- so that every attempt, whenever it comes, is a span of the checkpoint's trace and its log lines
-- carry that trace id. NULL for deliveries scheduled outside a trace (and those written before
-- this column existed). Bounded like the value the domain accepts.
ALTER TABLE webhook_deliveries
    ADD COLUMN trace text,
    ADD CONSTRAINT webhook_deliveries_trace_check CHECK (char_length(trace) BETWEEN 1 AND 128);
