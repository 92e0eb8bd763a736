package io.parceltrack.grpc;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks the server behind a channel the standard health question ({@code grpc.health.v1.Health/Check}
 * for the whole server): the readiness of an app that cannot work without that server.
 */
public final class RemoteHealth {
    private RemoteHealth() {}

    /** Whether the server answered SERVING within {@code deadline}; false for any other answer or none. */
    public static boolean isServing(Channel channel, Duration deadline) {
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus() == ServingStatus.SERVING;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }
}
