package io.parceltrack.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Interceptors that tell a {@link GrpcCallObserver} how each call ended and how long it took. On a
 * client channel they sit above the retries, so a read retried three times is one call.
 */
public final class ObservedCalls {
    private ObservedCalls() {}

    /** The interceptor for a server, outermost (see {@link GrpcServerHost}), so that it sees each call's final status. */
    public static ServerInterceptor server(GrpcCallObserver observer) {
        return new ServerSide(observer);
    }

    /** The interceptor to add to a client channel. */
    public static ClientInterceptor client(GrpcCallObserver observer) {
        return new ClientSide(observer);
    }

    private record ServerSide(GrpcCallObserver observer) implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            long started = System.nanoTime();
            MethodDescriptor<Q, R> method = call.getMethodDescriptor();
            AtomicBoolean reported = new AtomicBoolean();
            Runnable cancelled = () -> report(reported, method, Status.Code.CANCELLED, started);
            ServerCall<Q, R> observed = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void close(Status status, Metadata trailers) {
                    report(reported, method, status.getCode(), started);
                    super.close(status, trailers);
                }
            };
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(observed, headers)) {
                @Override
                public void onCancel() {
                    cancelled.run();
                    super.onCancel();
                }
            };
        }

        private void report(AtomicBoolean reported, MethodDescriptor<?, ?> method, Status.Code code, long started) {
            if (reported.compareAndSet(false, true)) {
                observer.completed(GrpcCallObserver.Side.SERVER, method.getServiceName(), method.getBareMethodName(),
                        code, Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private record ClientSide(GrpcCallObserver observer) implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    long started = System.nanoTime();
                    super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            observer.completed(GrpcCallObserver.Side.CLIENT, method.getServiceName(),
                                    method.getBareMethodName(), status.getCode(), Duration.ofNanos(System.nanoTime() - started));
                            super.onClose(status, trailers);
                        }
                    }, headers);
                }
            };
        }
    }
}
