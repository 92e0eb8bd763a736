package io.parceltrack.grpc;

import java.util.Objects;

/**
 * How a {@link GrpcServerHost} serves: its transport security, whether it offers server reflection
 * (which lists every service and message to anyone allowed to connect), and the largest message it
 * reads.
 */
public record GrpcServerOptions(TransportSecurity security, boolean reflection, int maxInboundMessageBytes) {
    /**
     * 1 MiB: our largest message is a page of 100 parcels or checkpoints, each at most about 1,000
     * characters of text (3.5 KB in the worst UTF-8), so about 350 KB; gRPC's own default is 4 MiB.
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    public GrpcServerOptions {
        Objects.requireNonNull(security, "security");
        if (maxInboundMessageBytes < 1024) {
            throw new IllegalArgumentException("maxInboundMessageBytes must be at least 1 KiB, got " + maxInboundMessageBytes);
        }
    }
}
