package io.parceltrack.apps.runtime;

import java.net.InetSocketAddress;

/** Says truthfully who can reach a listening socket, for start-up summaries. */
public final class ListenAddress {
    private ListenAddress() {}

    /** E.g. {@code 127.0.0.1:9091 (this machine only)} or {@code port 8080 on every network interface}. */
    public static String describe(String host, int port) {
        if (isWildcard(host)) {
            return "port " + port + " on every network interface";
        }
        boolean loopback = new InetSocketAddress(host, port).getAddress() != null
                && new InetSocketAddress(host, port).getAddress().isLoopbackAddress();
        return host + ":" + port + (loopback ? " (this machine only)" : "");
    }

    /** An HTTP URL that reaches the socket from this machine. */
    public static String localUrl(String host, int port) {
        return "http://" + (isWildcard(host) ? "localhost" : host) + ":" + port;
    }

    private static boolean isWildcard(String host) {
        return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
