package io.parceltrack.port.trace;

/**
 * The names of the spans of the event path, the same whichever transport carries it (Kafka between
 * processes, the in-process bus in standalone), so one query finds a step in either mode. Requests
 * and calls are named by what they are: {@code <method> <route>}, the gRPC full method name.
 */
public final class SpanNames {
    /** The outbox relay handing a parcel event to the broker. */
    public static final String RELAY = "relay parcel event";
    /** Turning a parcel event into one delivery per subscriber. */
    public static final String FAN_OUT = "fan out parcel event";
    /** Sending one notification to its recipient's chat. */
    public static final String DELIVER = "deliver notification";
    /** Storing the webhooks a parcel event asks for. */
    public static final String SCHEDULE_WEBHOOKS = "schedule webhooks";
    /** One attempt at sending a webhook to a manager's endpoint. */
    public static final String WEBHOOK_ATTEMPT = "webhook attempt";

    private SpanNames() {}
}
