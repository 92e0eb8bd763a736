package io.parceltrack.port.trace;

/** The part a span plays, as OpenTelemetry names them: answering, calling, sending or handling a message. */
public enum SpanKind {
    /** A request or call this process answers. */
    SERVER,
    /** A call this process makes to another (gRPC, a webhook's HTTP request). */
    CLIENT,
    /** A message handed to the broker (the outbox relay). */
    PRODUCER,
    /** A message taken from the broker and handled. */
    CONSUMER,
    /** Work within the process. */
    INTERNAL
}
