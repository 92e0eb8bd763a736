package io.parceltrack.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How an endpoint has been answering: fine, failing since some time, or disabled for failing too long. */
public sealed interface EndpointHealth {

    /** Its last attempt succeeded, or it has had none. */
    record Healthy() implements EndpointHealth {}

    /** Every attempt since {@code since} failed; the last one because of {@code lastError}. */
    record Failing(Instant since, String lastError) implements EndpointHealth {
        public Failing {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /** No more webhooks are sent to it until the manager registers it again. */
    record Disabled(Instant at, String reason) implements EndpointHealth {
        public Disabled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static EndpointHealth healthy() {
        return new Healthy();
    }

    default boolean enabled() {
        return !(this instanceof Disabled);
    }

    /** The health after an attempt failed at {@code at}: failing since the first failure in a row. */
    default EndpointHealth failedAt(Instant at, String error) {
        if (this instanceof Failing failing) {
            return new Failing(failing.since(), error);
        }
        return this instanceof Disabled ? this : new Failing(at, error);
    }

    /** Whether it has failed without a break for at least {@code patience} by {@code now}. */
    default boolean failingFor(Duration patience, Instant now) {
        return this instanceof Failing failing && !failing.since().plus(patience).isAfter(now);
    }
}
